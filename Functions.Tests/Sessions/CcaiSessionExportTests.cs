using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using static Switchboard.Tests.Sessions.EventTimeline;

namespace Switchboard.Tests.Sessions;

/// <summary>Full CCAI sessions through journal, tracker and export against Azurite, media served on loopback.</summary>
public sealed class CcaiSessionExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ChatId = "73522";
    private const string CallId = "103646";

    [Fact]
    public async Task A_chat_exports_its_transcript_and_metadata_and_nothing_else()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var events = Chat(harness.Timeline);

        var dues = await harness.TrackAsync(events);

        // Only the end makes the export due: 15 minutes after it.
        Assert.All(dues.Take(events.Length - 1), due => Assert.Null(due));
        var due = Assert.IsType<ExportDue>(dues[^1]);
        Assert.Equal((harness.Tenant, "chat", ChatId, At(60) + TimeSpan.FromMinutes(15)), (due.Tenant, due.Channel, due.SessionId, due.DueAt));

        var exported = await harness.Export.RunAsync(due.ToJob());

        var blobs = await harness.BlobsAsync();
        Assert.Equal(["ujet-chat-transcripts/chat-73522.txt", "ujet-metadata/chat-73522.json"], blobs.Keys);
        Assert.Equal(blobs.Keys, exported.Written.Order(StringComparer.Ordinal));
        Assert.Equal(9, exported.EventCount);
        Assert.Equal("text/plain; charset=utf-8", blobs["ujet-chat-transcripts/chat-73522.txt"].ContentType);
        Assert.Equal("application/json", blobs["ujet-metadata/chat-73522.json"].ContentType);

        Assert.Equal(
            """
            2024-06-01T12:00:20Z End user: Can you help me with my order tracking number?
            2024-06-01T12:00:30Z Agent ariel@example.com: Please give me a moment to look up your account information
            2024-06-01T12:00:50Z Agent kim@example.com: Hi, I'm Kim. Your parcel ships today.
            2024-06-01T12:00:55Z End user: Thanks!

            """.ReplaceLineEndings("\n"),
            await harness.TextAsync("ujet-chat-transcripts/chat-73522.txt"));

        var metadata = await harness.MetadataAsync("ujet-metadata/chat-73522.json");
        Assert.Equal(ChatId, metadata.Text("sessionId"));
        Assert.Equal(ChatId, metadata.Text("chatId"));
        Assert.Null(metadata.Text("callId"));
        Assert.Equal("chat", metadata.Text("channel"));
        Assert.Equal("Messaging Inbound (Web Chat)", metadata.Text("sessionType"));
        Assert.Equal("ccai", metadata.Text("source"));
        Assert.Equal(harness.Tenant, metadata.Text("tenant"));
        Assert.Equal("completed", metadata.Text("status"));
        Assert.Equal(("1234", "Schemes / Auric"), (metadata.Text("queue/id"), metadata.Text("queue/name")));
        Assert.Equal(("1432", "Survey Movie"), (metadata.Text("campaign/id"), metadata.Text("campaign/name")));
        Assert.Equal(At(0), metadata.Time("startedAt"));
        Assert.Equal(At(60), metadata.Time("endedAt"));
        Assert.Equal(60, metadata.Number("durationSeconds"));
        Assert.Equal(60, metadata.Number("handleTimeSeconds"));

        Assert.Equal(2, metadata.Count("agents"));
        Assert.Equal(("1", "007", "ariel@example.com", At(0)), (metadata.Text("agents/0/id"), metadata.Text("agents/0/customId"), metadata.Text("agents/0/email"), metadata.Time("agents/0/joinedAt")));
        Assert.Equal(("5", "100", "kim@example.com", At(45)), (metadata.Text("agents/1/id"), metadata.Text("agents/1/customId"), metadata.Text("agents/1/email"), metadata.Time("agents/1/joinedAt")));

        Assert.Equal(1, metadata.Count("transfers"));
        Assert.Equal(At(40), metadata.Time("transfers/0/at"));
        Assert.Equal(("1", "007", "ariel@example.com"), (metadata.Text("transfers/0/fromAgent/id"), metadata.Text("transfers/0/fromAgent/customId"), metadata.Text("transfers/0/fromAgent/email")));
        Assert.Equal(("5", "100", "kim@example.com"), (metadata.Text("transfers/0/toAgent/id"), metadata.Text("transfers/0/toAgent/customId"), metadata.Text("transfers/0/toAgent/email")));
        Assert.Equal(("7678", "HB TEAM / Ariel"), (metadata.Text("transfers/0/fromQueue/id"), metadata.Text("transfers/0/fromQueue/name")));
        Assert.Equal(("1234", "Schemes / Auric"), (metadata.Text("transfers/0/toQueue/id"), metadata.Text("transfers/0/toQueue/name")));

        Assert.Equal((2.0, 2.0, 4.0), (metadata.Number("messages/inbound"), metadata.Number("messages/outbound"), metadata.Number("messages/total")));
        Assert.Equal("A-1", metadata.Text("customData/custom_data_not_secured/order"));
        Assert.Equal(0, metadata.Count("media"));
        Assert.Equal(0, metadata.Count("cobrowseSessions"));
        Assert.Null(metadata.Text("endUser"));

        Assert.Equal(9, metadata.Number("diagnostics/eventsSeen"));
        Assert.Equal(2, metadata.Number("diagnostics/eventTypes/Agent_Joined_Chat"));
        Assert.Equal(2, metadata.Number("diagnostics/eventTypes/Chat_Inbound_Message"));
        Assert.Equal(At(0), metadata.Time("diagnostics/firstEventAt"));
        Assert.Equal(At(60), metadata.Time("diagnostics/lastEventAt"));
        Assert.Equal(harness.Time.GetUtcNow(), metadata.Time("diagnostics/generatedAt"));
        Assert.Equal(0, metadata.Count("diagnostics/mediaCopyFailures"));
    }

    [Fact]
    public async Task A_call_exports_its_metadata_recording_and_photo_with_their_content_types()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var dues = await harness.TrackAsync(Call(harness.Timeline, origin));
        var due = Assert.IsType<ExportDue>(dues[^1]);
        Assert.Equal(At(90) + TimeSpan.FromMinutes(15), due.DueAt);

        var exported = await harness.Export.RunAsync(due.ToJob());

        var blobs = await harness.BlobsAsync();
        Assert.Equal(["ujet-media/call-103646-photo-ph-1.jpg", "ujet-metadata/call-103646.json", "ujet-voice-recordings/call-103646.mp3"], blobs.Keys);
        Assert.Empty(exported.MediaFailures);
        Assert.Equal(MediaOrigin.Content("call.mp3"), await harness.BytesAsync("ujet-voice-recordings/call-103646.mp3"));
        Assert.Equal(MediaOrigin.Content("ph-1.jpg"), await harness.BytesAsync("ujet-media/call-103646-photo-ph-1.jpg"));
        Assert.Equal("audio/mpeg", blobs["ujet-voice-recordings/call-103646.mp3"].ContentType);
        Assert.Equal("image/jpeg", blobs["ujet-media/call-103646-photo-ph-1.jpg"].ContentType);

        var metadata = await harness.MetadataAsync("ujet-metadata/call-103646.json");
        Assert.Equal((CallId, "call"), (metadata.Text("callId"), metadata.Text("channel")));
        Assert.Null(metadata.Text("chatId"));
        Assert.Equal("Voice Inbound", metadata.Text("sessionType"));
        Assert.Equal("completed", metadata.Text("status"));
        Assert.Equal(("1234", "Schemes / Auric"), (metadata.Text("queue/id"), metadata.Text("queue/name")));
        Assert.Equal(("1432", "Survey Movie"), (metadata.Text("campaign/id"), metadata.Text("campaign/name")));
        Assert.Equal((At(0), At(90), 90.0, 90.0), (metadata.Time("startedAt"), metadata.Time("endedAt"), metadata.Number("durationSeconds"), metadata.Number("handleTimeSeconds")));

        Assert.Equal(3, metadata.Count("agents"));
        Assert.Equal(("1", At(0)), (metadata.Text("agents/0/id"), metadata.Time("agents/0/joinedAt")));
        Assert.Equal(("7", "sup@example.com", At(10)), (metadata.Text("agents/1/id"), metadata.Text("agents/1/email"), metadata.Time("agents/1/joinedAt")));
        Assert.Equal(("5", At(45)), (metadata.Text("agents/2/id"), metadata.Time("agents/2/joinedAt")));
        Assert.Equal("4242", metadata.Text("endUser/id"));

        Assert.Equal(1, metadata.Count("transfers"));
        Assert.Equal(("1", "5", "8469", "1234"), (metadata.Text("transfers/0/fromAgent/id"), metadata.Text("transfers/0/toAgent/id"), metadata.Text("transfers/0/fromQueue/id"), metadata.Text("transfers/0/toQueue/id")));

        Assert.Equal(2, metadata.Count("redactions"));
        Assert.Equal(("started", At(30), "1"), (metadata.Text("redactions/0/action"), metadata.Time("redactions/0/at"), metadata.Text("redactions/0/agentId")));
        Assert.Equal(("stopped", At(35)), (metadata.Text("redactions/1/action"), metadata.Time("redactions/1/at")));

        Assert.Equal(2, metadata.Count("media"));
        Assert.Equal(("recording", "mp3", "ujet-voice-recordings/call-103646.mp3", "true"), (metadata.Text("media/0/kind"), metadata.Text("media/0/format"), metadata.Text("media/0/file"), metadata.Text("media/0/archived")));
        Assert.Null(metadata.Text("media/0/id"));
        Assert.Equal(("photo", "ph-1", "jpg", "ujet-media/call-103646-photo-ph-1.jpg", "true"), (metadata.Text("media/1/kind"), metadata.Text("media/1/id"), metadata.Text("media/1/format"), metadata.Text("media/1/file"), metadata.Text("media/1/archived")));
        Assert.Equal(At(70), metadata.Time("media/1/at"));
        Assert.Equal((0.0, 0.0), (metadata.Number("messages/inbound"), metadata.Number("messages/outbound")));
        Assert.Equal(10, metadata.Number("diagnostics/eventsSeen"));
    }

    [Fact]
    public async Task Running_an_export_again_changes_nothing_and_fetches_nothing()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        await harness.TrackAsync(Call(harness.Timeline, origin));
        await harness.ExportAsync("call", CallId);
        var first = await harness.BlobsAsync();
        var firstMetadata = await harness.TextAsync("ujet-metadata/call-103646.json");
        var fetched = origin.RequestCount;

        harness.Time.Advance(TimeSpan.FromHours(1));
        var again = await harness.ExportAsync("call", CallId);

        var second = await harness.BlobsAsync();
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, blob => Assert.Equal(blob.Value.ETag, second[blob.Key].ETag));
        Assert.Equal(firstMetadata, await harness.TextAsync("ujet-metadata/call-103646.json"));
        Assert.Empty(again.Written);
        Assert.Equal(first.Keys, again.Unchanged.Order(StringComparer.Ordinal));
        Assert.Equal(fetched, origin.RequestCount);
    }

    [Fact]
    public async Task A_chat_exported_twice_keeps_its_transcript_and_metadata()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        await harness.TrackAsync(Chat(harness.Timeline));
        await harness.ExportAsync("chat", ChatId);
        var first = await harness.BlobsAsync();
        var generatedAt = (await harness.MetadataAsync("ujet-metadata/chat-73522.json")).Time("diagnostics/generatedAt");

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.ExportAsync("chat", ChatId);

        var second = await harness.BlobsAsync();
        Assert.All(first, blob => Assert.Equal(blob.Value.ETag, second[blob.Key].ETag));
        Assert.Equal(generatedAt, (await harness.MetadataAsync("ujet-metadata/chat-73522.json")).Time("diagnostics/generatedAt"));
    }

    [Fact]
    public async Task A_late_voicemail_is_due_again_and_the_re_export_adds_it_and_rewrites_only_the_metadata()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        await harness.TrackAsync(Call(harness.Timeline, origin));
        await harness.ExportAsync("call", CallId);
        var before = await harness.BlobsAsync();

        var late = harness.Timeline.Ccai(1800, "Voicemail_Available", $$"""{"call_id":{{CallId}},"format":"wav","url":"{{origin.Url("file/vm.wav?type=audio/wav")}}"}""");
        var due = await harness.Tracker.TrackAsync(late);
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        var exported = await harness.Export.RunAsync(Assert.IsType<ExportDue>(due).ToJob());

        // Due as the end said, which has passed: the host runs it at once.
        Assert.Equal(At(90) + TimeSpan.FromMinutes(15), due.DueAt);
        var after = await harness.BlobsAsync();
        Assert.Equal([.. before.Keys, "ujet-voicemails/call-103646.wav"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before["ujet-voice-recordings/call-103646.mp3"].ETag, after["ujet-voice-recordings/call-103646.mp3"].ETag);
        Assert.Equal(before["ujet-media/call-103646-photo-ph-1.jpg"].ETag, after["ujet-media/call-103646-photo-ph-1.jpg"].ETag);
        Assert.NotEqual(before["ujet-metadata/call-103646.json"].ETag, after["ujet-metadata/call-103646.json"].ETag);
        Assert.Equal(["ujet-voicemails/call-103646.wav", "ujet-metadata/call-103646.json"], exported.Written);

        var metadata = await harness.MetadataAsync("ujet-metadata/call-103646.json");
        Assert.Equal(11, metadata.Number("diagnostics/eventsSeen"));
        Assert.Equal(At(1800), metadata.Time("diagnostics/lastEventAt"));
        Assert.Equal(harness.Time.GetUtcNow(), metadata.Time("diagnostics/generatedAt"));
        Assert.Equal(("voicemail", "ujet-voicemails/call-103646.wav"), (metadata.Text("media/2/kind"), metadata.Text("media/2/file")));
        Assert.Equal(At(90), metadata.Time("endedAt"));
    }

    [Fact]
    public async Task A_missing_photo_is_recorded_in_the_diagnostics_and_the_export_still_succeeds()
    {
        await using var origin = await MediaOrigin.StartAsync();
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var timeline = harness.Timeline;
        var upload = timeline.Ccai(10, "Media_Uploaded", $$"""{"chat_id":{{ChatId}},"media_type":"photo","media_id":"gone","url":"{{origin.Url("missing/gone.jpg")}}"}""");
        await harness.TrackAsync(
            timeline.Ccai(0, "New_Chat", $$"""{"chat_id":{{ChatId}},"agent_id":1,"agent_email":"ariel@example.com"}"""),
            upload,
            timeline.Ccai(20, "End_Chat", $$"""{"chat_id":{{ChatId}},"agent_id":1}"""));

        var exported = await harness.ExportAsync("chat", ChatId);

        Assert.Equal(["ujet-metadata/chat-73522.json"], (await harness.BlobsAsync()).Keys);
        var failure = Assert.Single(exported.MediaFailures);
        Assert.Equal(("ujet-media/chat-73522-photo-gone.jpg", upload.Id, "status", 404), (failure.File, failure.EventId, failure.Error, failure.StatusCode ?? 0));
        var metadata = await harness.MetadataAsync("ujet-metadata/chat-73522.json");
        Assert.Equal(("ujet-media/chat-73522-photo-gone.jpg", "false"), (metadata.Text("media/0/file"), metadata.Text("media/0/archived")));
        Assert.Equal(("ujet-media/chat-73522-photo-gone.jpg", upload.Id, "status", 404.0), (
            metadata.Text("diagnostics/mediaCopyFailures/0/file"),
            metadata.Text("diagnostics/mediaCopyFailures/0/eventId"),
            metadata.Text("diagnostics/mediaCopyFailures/0/error"),
            metadata.Number("diagnostics/mediaCopyFailures/0/statusCode")));

        // Still missing on the next run: the same failure, so the file stays as it was.
        var etag = (await harness.BlobsAsync())["ujet-metadata/chat-73522.json"].ETag;
        await harness.ExportAsync("chat", ChatId);
        Assert.Equal(etag, (await harness.BlobsAsync())["ujet-metadata/chat-73522.json"].ETag);
    }

    [Fact]
    public async Task The_folder_path_and_its_tenant_placeholder_prefix_every_file()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite, settings: new Dictionary<string, string?> { ["Export:FolderPath"] = "/archive/{tenant}/" });
        await harness.TrackAsync(Chat(harness.Timeline));

        var exported = await harness.ExportAsync("chat", ChatId);

        Assert.Equal(
            [$"archive/{harness.Tenant}/ujet-chat-transcripts/chat-73522.txt", $"archive/{harness.Tenant}/ujet-metadata/chat-73522.json"],
            (await harness.BlobsAsync()).Keys);
        Assert.Equal($"archive/{harness.Tenant}/ujet-metadata/chat-73522.json", exported.MetadataBlob);
    }

    [Fact]
    public async Task An_empty_journal_exports_nothing()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);

        var exported = await harness.ExportAsync("chat", "never-seen");

        Assert.Equal(0, exported.EventCount);
        Assert.Null(exported.MetadataBlob);
        Assert.Empty(await harness.BlobsAsync());
    }

    /// <summary>A web chat taken by Ariel, transferred to Kim, four messages.</summary>
    internal static CanonicalEvent[] Chat(EventTimeline timeline) =>
    [
        timeline.Ccai(0, "New_Chat", $$$"""{"chat_id":{{{ChatId}}},"session_type":"Messaging Inbound (Web Chat)","agent_id":1,"agent_email":"ariel@example.com","queue_id":7678,"queue_path":"HB TEAM / Ariel","custom_data_not_secured":{"order":"A-1"}}"""),
        timeline.Ccai(5, "Agent_Joined_Chat", $$"""{"chat_id":{{ChatId}},"agent_id":1,"agent_custom_id":"007","agent_email":"ariel@example.com","queue_id":7678,"queue_path":"HB TEAM / Ariel","session_type":"Messaging Inbound (Web Chat)",}"""),
        timeline.Ccai(20, "Chat_Inbound_Message", $$"""{"chat_id":{{ChatId}},"agent_id":1,"agent_email":"ariel@example.com","queue_id":7678,"queue_path":"HB TEAM / Ariel","message":"Can you help me with my order tracking number?"}"""),
        timeline.Ccai(30, "Chat_Outbound_Message", $$"""{"chat_id":{{ChatId}},"agent_id":1,"agent_email":"ariel@example.com","queue_id":7678,"queue_path":"HB TEAM / Ariel","message":"Please give me a moment to look up your account information"}"""),
        timeline.Ccai(40, "Transfer_Chat", $$"""{"chat_id":{{ChatId}},"session_type":"Messaging Inbound (Web Chat)","campaign_id":1432,"campaign_name":"Survey Movie","from_agent_id":1,"from_agent_custom_id":"007","from_agent_email":"ariel@example.com","to_agent_id":5,"to_agent_custom_id":"100","to_agent_email":"kim@example.com","from_queue_id":7678,"from_queue_path":"HB TEAM / Ariel","to_queue_id":1234,"to_queue_path":"Schemes / Auric"}"""),
        timeline.Ccai(45, "Agent_Joined_Chat", $$"""{"chat_id":{{ChatId}},"agent_id":5,"agent_custom_id":"100","agent_email":"kim@example.com","queue_id":1234,"queue_path":"Schemes / Auric"}"""),
        timeline.Ccai(50, "Chat_Outbound_Message", $$"""{"chat_id":{{ChatId}},"agent_id":5,"agent_email":"kim@example.com","queue_id":1234,"queue_path":"Schemes / Auric","message":"Hi, I'm Kim.\nYour parcel ships today."}"""),
        timeline.Ccai(55, "Chat_Inbound_Message", $$"""{"chat_id":{{ChatId}},"agent_id":5,"agent_email":"kim@example.com","queue_id":1234,"queue_path":"Schemes / Auric","message":"Thanks!"}"""),
        timeline.Ccai(60, "End_Chat", $$"""{"chat_id":{{ChatId}},"session_type":"Messaging Inbound (Web Chat)","agent_id":5,"agent_email":"kim@example.com","queue_id":null,"queue_path":null,"agent_custom_id":null}"""),
    ];

    /// <summary>A campaign call: Kim answers, a supervisor and the customer are added, redaction, a transfer to Ariel, a recording and a photo, the end.</summary>
    internal static CanonicalEvent[] Call(EventTimeline timeline, MediaOrigin origin) =>
    [
        timeline.Ccai(0, "New_Call", $$"""{"agent_id":1,"agent_custom_id":"007","agent_email":"Kim@example.com","queue_id":8469,"queue_path":"Developers / Kim","campaign_id":1432,"campaign_name":"Survey Movie","call_id":{{CallId}},"session_type":"Voice Inbound"}"""),
        timeline.Ccai(10, "Party_Added", $$"""{"call_id":{{CallId}},"session_type":"Voice Inbound","agent_id":7,"agent_email":"sup@example.com","queue_id":8469,"queue_path":"Developers / Kim","type":"agent"}"""),
        timeline.Ccai(20, "Party_Added", $$"""{"call_id":{{CallId}},"session_type":"Voice Inbound","type":"end_user","end_user_id":4242}"""),
        timeline.Parse("ccai", $$"""{"agent_id":1,"call_id":{{CallId}}}""", 30, typeHint: "Call_Redaction_Started"),
        timeline.Parse("ccai", $$"""{"agent_id":1,"call_id":{{CallId}}}""", 35, typeHint: "Call_Redaction_Stopped"),
        timeline.Ccai(40, "Transfer_Call", $$"""{"call_id":{{CallId}},"session_type":"Voice Inbound","from_agent_id":1,"from_agent_email":"Kim@example.com","to_agent_id":5,"to_agent_email":"ariel@example.com","from_queue_id":8469,"from_queue_path":"Developers / Kim","to_queue_id":1234,"to_queue_path":"Schemes / Auric"}"""),
        timeline.Ccai(45, "Agent_Joined_Call", $$"""{"call_id":{{CallId}},"agent_id":5,"agent_email":"ariel@example.com","queue_id":1234,"queue_path":"Schemes / Auric","session_type":"Voice Inbound"}"""),
        timeline.Ccai(60, "Recording_Available", $$"""{"call_id":{{CallId}},"format":"mp3","url":"{{origin.Url("file/call.mp3?type=audio/mpeg")}}"}"""),
        timeline.Ccai(70, "Media_Uploaded", $$"""{"call_id":{{CallId}},"media_type":"photo","media_id":"ph-1","url":"{{origin.Url("file/ph-1.jpg?type=image/jpeg")}}"}"""),
        timeline.Ccai(90, "End_Call", $$"""{"agent_id":5,"agent_email":"ariel@example.com","queue_id":1234,"queue_path":"Schemes / Auric","call_id":{{CallId}},"session_type":"Voice Inbound"}"""),
    ];
}
