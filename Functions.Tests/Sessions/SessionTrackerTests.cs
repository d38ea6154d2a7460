using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using static Switchboard.Tests.Sessions.EventTimeline;

namespace Switchboard.Tests.Sessions;

/// <summary>What ProcessEvent learns from the tracker: when a session's export is due.</summary>
public sealed class SessionTrackerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_export_is_due_at_the_end_plus_the_configured_delay_and_again_for_late_and_redelivered_events()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite, settings: new Dictionary<string, string?> { ["Export:Delay"] = "00:05:00" });
        var timeline = harness.Timeline;
        var start = timeline.Ccai(0, "New_Call", """{"call_id":42,"agent_id":1}""");
        var end = timeline.Ccai(100, "End_Call", """{"call_id":42,"agent_id":1}""");
        var late = timeline.Ccai(4000, "Recording_Available", """{"call_id":42,"format":"mp3","url":"https://media.example.com/42.mp3"}""");

        Assert.Null(await harness.Tracker.TrackAsync(start));
        var due = await harness.Tracker.TrackAsync(end);
        var lateDue = await harness.Tracker.TrackAsync(late);
        var redelivered = await harness.Tracker.TrackAsync(end);
        var startRedelivered = await harness.Tracker.TrackAsync(start);

        var expected = new ExportDue { Tenant = harness.Tenant, Channel = "call", SessionId = "42", DueAt = At(100) + TimeSpan.FromMinutes(5) };
        Assert.Equal(expected, due);
        Assert.Equal(expected, lateDue);
        Assert.Equal(expected, redelivered);
        Assert.Equal(expected, startRedelivered);
        Assert.Equal(expected.ToJob(), due!.ToJob());
        Assert.Equal(3, (await harness.Journal.ReadAsync(new SessionKey(harness.Tenant, "call", "42"))).Count);
    }

    [Fact]
    public async Task Events_without_a_session_and_sessions_still_open_make_nothing_due()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var timeline = harness.Timeline;

        Assert.Null(await harness.Tracker.TrackAsync(timeline.Ccai(0, "Agent_Login", """{"agent_id":1}""")));
        Assert.Null(await harness.Tracker.TrackAsync(timeline.Ccai(0, "New_Chat", """{"chat_id":8,"agent_id":1}""")));
        Assert.Null(await harness.Tracker.TrackAsync(timeline.Ccai(1, "Chat_Inbound_Message", """{"chat_id":8,"message":"hi"}""")));

        // Another chat's end says nothing about this one.
        Assert.NotNull(await harness.Tracker.TrackAsync(timeline.Ccai(2, "End_Chat", """{"chat_id":9}""")));
        Assert.Null(await harness.Tracker.TrackAsync(timeline.Ccai(3, "Chat_Outbound_Message", """{"chat_id":8,"message":"hello"}""")));
    }
}
