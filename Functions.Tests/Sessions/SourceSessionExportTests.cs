using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Events;
using static Switchboard.Tests.Sessions.EventTimeline;

namespace Switchboard.Tests.Sessions;

/// <summary>Sessions of the other sources — uContact, Webitel, CDR — through journal, tracker and export against Azurite.</summary>
public sealed class SourceSessionExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string UcontactGuid = "9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f";
    private const string WebitelMember = "a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b";
    private const string CdrId = "00000000-0000-0000-0000-000000000000";

    [Fact]
    public async Task A_ucontact_interaction_and_its_late_disposition_export_one_metadata_file()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var finish = harness.Timeline.Parse("ucontact", WrittenPayloads.UcontactFinishInteraction, 0);
        var disposition = harness.Timeline.Parse(
            "ucontact",
            $$"""{"event":"InteractionDisposition","date":"2023-05-13 06:50:02","guid":"{{UcontactGuid}}","campaign":"Ventas<-","agent":"agentTest","value1":"Venta","value2":"Contado","value3":"","channel":"webchat"}""",
            5);
        var end = new DateTimeOffset(2023, 5, 13, 6, 48, 51, TimeSpan.Zero);

        var dues = await harness.TrackAsync(finish, disposition);

        // The disposition comes after the interaction finished: due again, at the same time.
        Assert.All(dues, due => Assert.Equal(end + TimeSpan.FromMinutes(15), Assert.IsType<ExportDue>(due).DueAt));
        var exported = await harness.ExportAsync("chat", UcontactGuid);

        Assert.Equal([$"ujet-metadata/chat-{UcontactGuid}.json"], (await harness.BlobsAsync()).Keys);
        Assert.Equal(2, exported.EventCount);
        var metadata = await harness.MetadataAsync($"ujet-metadata/chat-{UcontactGuid}.json");
        Assert.Equal((UcontactGuid, "chat", "webchat", "ucontact", "completed"), (metadata.Text("chatId"), metadata.Text("channel"), metadata.Text("sessionType"), metadata.Text("source"), metadata.Text("status")));
        Assert.Equal(end.AddSeconds(-321), metadata.Time("startedAt"));
        Assert.Equal(end, metadata.Time("endedAt"));
        Assert.Equal(321, metadata.Number("durationSeconds"));
        Assert.Equal(321, metadata.Number("handleTimeSeconds"));
        Assert.Equal(("Ventas<-", "Ventas<-"), (metadata.Text("queue/name"), metadata.Text("campaign/name")));
        Assert.Equal(1, metadata.Count("agents"));
        Assert.Equal(("agentTest", end.AddSeconds(-321)), (metadata.Text("agents/0/id"), metadata.Time("agents/0/joinedAt")));
        Assert.Equal("59899123456", metadata.Text("endUser/id"));
        Assert.Equal("Venta", metadata.Text("disposition/code"));
        Assert.Equal(["Venta", "Contado"], metadata.At("disposition/values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, metadata.Number("diagnostics/eventsSeen"));
    }

    [Fact]
    public async Task A_webitel_member_from_joined_to_leaving_exports_one_metadata_file()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var dues = await harness.TrackAsync(
            harness.Timeline.Parse("webitel", WrittenPayloads.Webitel("joined"), 0),
            harness.Timeline.Parse("webitel", WrittenPayloads.Webitel("leaving"), 130));

        Assert.Null(dues[0]);
        Assert.Equal(At(130) + TimeSpan.FromMinutes(15), Assert.IsType<ExportDue>(dues[1]).DueAt);
        await harness.ExportAsync("call", WebitelMember);

        Assert.Equal([$"ujet-metadata/call-{WebitelMember}.json"], (await harness.BlobsAsync()).Keys);
        var metadata = await harness.MetadataAsync($"ujet-metadata/call-{WebitelMember}.json");
        Assert.Equal((WebitelMember, "call", "webitel", "completed"), (metadata.Text("callId"), metadata.Text("sessionType"), metadata.Text("source"), metadata.Text("status")));
        Assert.Equal(At(0), metadata.Time("startedAt"));
        Assert.Equal(At(130), metadata.Time("endedAt"));
        Assert.Equal(130, metadata.Number("durationSeconds"));
        Assert.Equal(95, metadata.Number("handleTimeSeconds"));
        Assert.Equal("NORMAL_CLEARING", metadata.Text("endReason"));
        Assert.Equal(("12", "Support"), (metadata.Text("queue/id"), metadata.Text("queue/name")));
        Assert.Equal(1, metadata.Count("agents"));
        Assert.Equal(("77", "Olena", At(35)), (metadata.Text("agents/0/id"), metadata.Text("agents/0/name"), metadata.Time("agents/0/joinedAt")));
        Assert.Equal(("901", "Ivan", "+380441234567"), (metadata.Text("endUser/id"), metadata.Text("endUser/name"), metadata.Text("endUser/phone")));
        Assert.Equal("5123", metadata.Text("externalIds/attempt_id"));
        Assert.Equal("T-100", metadata.Text("customData/crm_ticket"));
    }

    [Fact]
    public async Task A_cdr_call_exports_one_metadata_file_from_its_single_event()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var call = harness.Timeline.Parse("cdr", WrittenPayloads.CdrEnglish, 0);
        var end = new DateTimeOffset(2024, 5, 29, 8, 37, 45, TimeSpan.Zero);

        var due = Assert.IsType<ExportDue>(await harness.Tracker.TrackAsync(call));
        Assert.Equal(end + TimeSpan.FromMinutes(15), due.DueAt);
        await harness.Export.RunAsync(due.ToJob());

        Assert.Equal([$"ujet-metadata/call-{CdrId}.json"], (await harness.BlobsAsync()).Keys);
        var metadata = await harness.MetadataAsync($"ujet-metadata/call-{CdrId}.json");
        Assert.Equal((CdrId, "inbound", "cdr", "abandoned"), (metadata.Text("callId"), metadata.Text("sessionType"), metadata.Text("source"), metadata.Text("status")));
        Assert.Equal(end.AddSeconds(-10), metadata.Time("startedAt"));
        Assert.Equal(end, metadata.Time("endedAt"));
        Assert.Equal(10, metadata.Number("durationSeconds"));
        Assert.Equal(10, metadata.Number("waitTimeSeconds"));
        Assert.Null(metadata.Text("handleTimeSeconds"));
        Assert.Equal("NORMAL_CLEARING", metadata.Text("endReason"));

        // Rung, never answered: no agent took part.
        Assert.Equal(0, metadata.Count("agents"));
        Assert.Equal(("+44700000000", "Example Contact"), (metadata.Text("endUser/phone"), metadata.Text("endUser/name")));
        Assert.Equal("after-call", metadata.Text("customData/hook"));
        Assert.Equal("stage1", metadata.Text("tags/Support"));
        Assert.Equal(CdrId, metadata.Text("externalIds/recordingIds"));
        Assert.Equal(1, metadata.Number("diagnostics/eventsSeen"));
    }

    [Fact]
    public async Task A_channel_made_of_path_segments_is_archived_under_an_encoded_name_inside_the_archive()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var claims = azurite.Blobs.GetBlobContainerClient("switchboard-claims");
        var guid = Guid.NewGuid().ToString();
        var finish = harness.Timeline.Parse(
            "ucontact", $$"""{"event":"FinishInteraction","date":"2023-05-13 06:48:51","guid":"{{guid}}","channel":"../../switchboard-claims/x","agent":"a"}""", 0);

        var due = Assert.IsType<ExportDue>(await harness.Tracker.TrackAsync(finish));
        var exported = await harness.Export.RunAsync(due.ToJob());
        var escaped = new List<string>();
        await foreach (var blob in claims.GetBlobsAsync())
        {
            if (blob.Name.Contains(guid, StringComparison.Ordinal))
            {
                escaped.Add(blob.Name);
            }
        }

        var name = $"ujet-metadata/..%2F..%2Fswitchboard%2Dclaims%2Fx-{guid}.json";
        Assert.Equal([name], (await harness.BlobsAsync()).Keys);
        Assert.Equal(name, exported.MetadataBlob);
        Assert.Empty(escaped);
        Assert.Equal("../../switchboard-claims/x", (await harness.MetadataAsync(name)).Text("channel"));
    }
}
