using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Switchboard.Delivery;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Sessions;
using Switchboard.Triggers;

namespace Switchboard.Tests.Crm.Sync;

/// <summary>
/// A whole call from New_Call to the record update with uploaded files, through the real pipeline pieces —
/// ProcessEvent, the session journal and tracker, ExportSession, the CRM follower and its work — against Azurite, the
/// fake CRM and a media origin on loopback.
/// </summary>
public sealed class CrmSessionFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Call = "103646";

    private static void AnswerLikeACrm(FakeCrm crm)
    {
        var attachments = 0;
        crm.On("GET", "api/accounts/search", 200, """{"data":[]}""")
            .On("POST", "api/accounts", 201, """{"data":[{"id":123,"name":"Jane Doe"}]}""")
            .On("POST", "api/records", 201, """{"record":{"id":456,"subject":"Record title","status":"open"}}""")
            .On("POST", "api/records/456/comments", 201, """{"id":"c-1"}""")
            .On("PATCH", "api/records/456", 200, """{"record":{"id":456}}""")
            .On("POST", "api/records/456/attachments", _ => new FakeAnswer(201, $$"""{"id":"att-{{Interlocked.Increment(ref attachments)}}"}"""))
            .On("POST", "hooks/pop", 200, "{}");
    }

    [Fact]
    public async Task A_call_finds_or_creates_its_account_and_record_comments_its_course_and_ends_with_the_update_and_uploads()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        await using var media = await MediaOrigin.StartAsync();
        AnswerLikeACrm(harness.Crm);
        await harness.ConfigureAsync();
        await harness.Services.GetRequiredService<TriggerStore>().CreateAsync(new Trigger
        {
            Id = "record-pop",
            Tenant = harness.Tenant,
            Name = "open the record",
            Source = "ccai",
            Events = ["CRM_Record_Pop"],
            Action = new TriggerAction { Url = harness.Crm.Url("hooks/pop") },
        });

        var popped = await harness.ProcessAsync(harness.Ccai(0, "New_Call", $$"""
            {"agent_id":1,"agent_custom_id":"007","agent_email":"kim@example.com","queue_id":8469,"queue_path":"Developers / Kim",
             "call_id":{{Call}},"session_type":"Voice Inbound","end_user_name":"Jane Doe","end_user_phone":"+1 222 333 4444","lang":"en"}
            """));
        await harness.ProcessAsync(harness.Ccai(30, "Transfer_Call", $$"""
            {"call_id":{{Call}},"from_agent_id":1,"from_agent_email":"kim@example.com","to_agent_id":5,"to_agent_email":"ariel@example.com",
             "from_queue_id":8469,"from_queue_path":"Developers / Kim","to_queue_id":1234,"to_queue_path":"Schemes / Auric"}
            """));
        await harness.ProcessAsync(harness.Ccai(50, "Rating_Saved", $$"""{"call_id":{{Call}},"rating":5,"feedback":"the agent was great!"}"""));
        await harness.ProcessAsync(harness.Ccai(60, "End_Call", $$"""{"call_id":{{Call}},"agent_id":5,"agent_email":"ariel@example.com","session_type":"Voice Inbound"}"""));
        await harness.ProcessAsync(harness.Ccai(61, "Recording_Available", $$"""{"call_id":{{Call}},"format":"mp3","url":"{{media.Url("file/call.mp3?type=audio/mpeg")}}"}"""));

        // Nothing is sent about the archive before the export, 15 minutes after the end.
        Assert.Empty(harness.Crm.Calls("PATCH", "api/records/456"));
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.NotEmpty(await harness.ExportDueAsync());
        await harness.DrainAsync();

        var crm = harness.Crm.Requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "GET /api/accounts/search?criteria=%28Phone%3Aequals%3A%2B12223334444%29",
                "POST /api/accounts", "POST /api/records",
                "POST /api/records/456/comments", "POST /api/records/456/comments", "POST /api/records/456/comments", "POST /api/records/456/comments",
                "PATCH /api/records/456",
                "POST /api/records/456/attachments", "POST /api/records/456/comments",
                "POST /api/records/456/attachments", "POST /api/records/456/comments",
            ],
            crm.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.All(crm, r => Assert.Equal("Basic c3dpdGNoYm9hcmQ6czNjcmV0LXBhc3N3MHJk", r.Header("Authorization")));

        Assert.Equal("""{"data":[{"name":"Jane Doe","phone":"+12223334444","email":""}]}""", crm[1].Text);
        Assert.Equal(
            """{"record":{"subject":"Call 103646 from Jane Doe · Developers / Kim","contactId":123,"phone":"+12223334444","sourceType":"PHONE","menu":"Developers / Kim","agent":"kim@example.com"}}""",
            crm[2].Text);
        Assert.Equal(
            [
                "Call 103646 started, answered by kim@example.com in Developers / Kim.",
                "Call 103646 transferred from kim@example.com to ariel@example.com.",
                "Rating: 5 — the agent was great!",
                "Call 103646 ended (completed) after 01:00.",
            ],
            crm[3..7].Select(r => r.Json.GetProperty("comment").GetString()));

        var update = crm[7].Json;
        Assert.Equal("Call 103646 from Jane Doe · Schemes / Auric", update.GetProperty("subject").GetString());
        Assert.Equal(("01:00", "5"), (update.GetProperty("duration").GetString(), update.GetProperty("rating").GetString()));
        Assert.Equal(
            """
            Call 103646 (Voice Inbound)
            Queue: Schemes / Auric
            Customer: Jane Doe, +12223334444
            Agents: kim@example.com, ariel@example.com
            Started: 2024-06-01 12:00:00 UTC
            Ended: 2024-06-01 12:01:00 UTC (completed)
            Duration: 01:00
            Transfers: 1
            Rating: 5 — the agent was great!
            """.ReplaceLineEndings("\n"),
            update.GetProperty("description").GetString());

        var (Name, ContentType, Bytes) = await FileAsync(crm[8]);
        Assert.Equal(("call-103646.json", "application/json"), (Name, ContentType));
        Assert.Equal("https://crm.example.com/record/456", JsonDocument.Parse(Bytes).RootElement.GetProperty("externalIds").GetProperty("recordUrl").GetString());
        var recording = await FileAsync(crm[10]);
        Assert.Equal(("call-103646.mp3", "audio/mpeg"), (recording.Name, recording.ContentType));
        Assert.Equal(MediaOrigin.Content("call.mp3"), recording.Bytes);
        Assert.Equal("Uploaded call-103646.json: https://crm.example.com/record/456/attachments/att-1", crm[9].Json.GetProperty("comment").GetString());
        Assert.Equal("Uploaded call-103646.mp3: https://crm.example.com/record/456/attachments/att-2", crm[11].Json.GetProperty("comment").GetString());

        // The record pop went through the trigger path like any platform event.
        var pop = Assert.Single(popped);
        Assert.Equal(("ccai", "CRM_Record_Pop", Call), (pop.Source, pop.Type, pop.Session?.Id));
        var hook = Assert.Single(harness.Crm.Calls("POST", "hooks/pop")).Json;
        Assert.Equal("https://crm.example.com/record/456", hook.GetProperty("data").GetProperty("data").GetProperty("recordUrl").GetString());
        Assert.Equal("https://crm.example.com/contact/123", hook.GetProperty("data").GetProperty("data").GetProperty("accountUrl").GetString());

        // Every CRM call is in the attempt log, delivered on its first attempt.
        var deliveries = await harness.CrmDeliveriesAsync();
        Assert.Equal(crm.Count, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Delivered, 1), (d.State, d.Attempts)));
        Assert.Equal(
            ["comment-end", "comment-rating", "comment-start", "comment-transfer", "comment-upload", "create-account", "create-record", "find-account", "update-record", "upload-file"],
            deliveries.Select(d => d.Target).Distinct().Order(StringComparer.Ordinal));

        // Running everything again sends nothing more.
        await harness.Sync.RunAsync(new Switchboard.Sessions.SessionKey(harness.Tenant, "call", Call), harness.Scheduler);
        Assert.Equal(crm.Count, harness.Crm.Requests.Count(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)));
    }

    private static async Task<(string Name, string? ContentType, byte[] Bytes)> FileAsync(ReceivedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Header("Content-Type")).Boundary).Value!;
        var section = await new MultipartReader(boundary, new MemoryStream(request.Body)).ReadNextSectionAsync();
        Assert.True(ContentDispositionHeaderValue.TryParse(section!.ContentDisposition, out var disposition));
        using var bytes = new MemoryStream();
        await section.Body.CopyToAsync(bytes);
        return (disposition.FileName.Value!, section.ContentType, bytes.ToArray());
    }
}
