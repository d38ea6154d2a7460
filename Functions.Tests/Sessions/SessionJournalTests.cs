using System.Text.Json;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using static Switchboard.Tests.Sessions.EventTimeline;

namespace Switchboard.Tests.Sessions;

/// <summary>The journal in table storage: order, idempotency, large payloads, awkward keys, the recorded end.</summary>
public sealed class SessionJournalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Events_come_back_in_occurrence_order_whatever_order_they_were_appended_in()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var timeline = harness.Timeline;
        var events = new[]
        {
            timeline.Ccai(30, "Chat_Inbound_Message", """{"chat_id":9,"message":"third"}"""),
            timeline.Ccai(0, "New_Chat", """{"chat_id":9,"agent_id":1}"""),
            timeline.Ccai(60, "End_Chat", """{"chat_id":9,"agent_id":1}"""),
            timeline.Ccai(10, "Agent_Joined_Chat", """{"chat_id":9,"agent_id":1}"""),
        };
        foreach (var canonical in events)
        {
            await harness.Journal.AppendAsync(canonical);
        }

        var read = await harness.Journal.ReadAsync(new SessionKey(harness.Tenant, "chat", "9"));

        Assert.Equal(["New_Chat", "Agent_Joined_Chat", "Chat_Inbound_Message", "End_Chat"], read.Select(e => e.Type));
        Assert.Equal(Json(events[0]), Json(read[2]));
    }

    [Fact]
    public async Task Appending_an_event_twice_journals_it_once()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var end = harness.Timeline.Ccai(5, "End_Call", """{"call_id":7}""");
        var update = harness.Timeline.Ccai(3, "Agent_Joined_Call", """{"call_id":7,"agent_id":2}""");

        var first = await harness.Journal.AppendAsync(end);
        var again = await harness.Journal.AppendAsync(end);
        var updated = await harness.Journal.AppendAsync(update);
        var updatedAgain = await harness.Journal.AppendAsync(update);

        Assert.True(first!.Appended);
        Assert.False(again!.Appended);
        Assert.True(updated!.Appended);
        Assert.False(updatedAgain!.Appended);

        // The end is remembered either way, so a redelivered message still learns when the session ended.
        Assert.All(new[] { first, again, updated, updatedAgain }, j => Assert.Equal(At(5), j.EndedAt));
        Assert.Equal(2, (await harness.Journal.ReadAsync(first.Session)).Count);
    }

    [Fact]
    public async Task An_event_without_a_session_is_not_journaled()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);

        var journaled = await harness.Journal.AppendAsync(harness.Timeline.Ccai(0, "Agent_Login", """{"agent_id":1}"""));

        Assert.Null(journaled);
    }

    [Fact]
    public async Task An_event_too_large_for_a_row_is_kept_in_a_blob_and_read_back_whole()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        var large = new string('x', 40_000);
        var canonical = harness.Timeline.Ccai(1, "Chat_Inbound_Message", $$"""{"chat_id":11,"message":"{{large}}","note":"Абонент ✓"}""");

        await harness.Journal.AppendAsync(canonical);
        var read = Assert.Single(await harness.Journal.ReadAsync(new SessionKey(harness.Tenant, "chat", "11")));

        Assert.Equal(Json(canonical), Json(read));
        Assert.Equal(large, read.Data.GetProperty("data").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Tenants_and_session_ids_with_characters_table_keys_refuse_stay_apart()
    {
        await using var harness = await SessionHarness.CreateAsync(azurite);
        string[] ids = ["a/b", "a#b", "a?b", @"a\b", "a%2Fb", "a|b", "a-b"];
        foreach (var id in ids)
        {
            await harness.Journal.AppendAsync(Event(harness.Tenant + "|x/y", id));
        }

        foreach (var id in ids)
        {
            var read = Assert.Single(await harness.Journal.ReadAsync(new SessionKey(harness.Tenant + "|x/y", "chat", id)));
            Assert.Equal(id, read.Session!.Id);
        }
    }

    [Fact]
    public void Partition_keys_escape_what_tables_refuse_and_shorten_what_is_too_long()
    {
        Assert.Equal("t|call-103646", new SessionKey("t", "call", "103646").PartitionKey);
        Assert.Equal("a%7Cb|chat-x%2Fy%23%3F%5C%25", new SessionKey("a|b", "chat", @"x/y#?\%").PartitionKey);
        Assert.NotEqual(new SessionKey("t", "a-b", "c").PartitionKey, new SessionKey("t", "a", "b-c").PartitionKey);

        var longKey = new SessionKey("t", "chat", new string('z', 2000)).PartitionKey;
        Assert.Equal(400, longKey.Length);
        Assert.NotEqual(longKey, new SessionKey("t", "chat", new string('z', 1999)).PartitionKey);
    }

    private static CanonicalEvent Event(string tenant, string sessionId) => new()
    {
        Id = EventIds.New(Start),
        Source = "videsk",
        Type = "comment.created",
        Tenant = tenant,
        OccurredAt = Start,
        ReceivedAt = Start,
        Session = new EventSession { Id = sessionId, Channel = "chat", Lifecycle = SessionLifecycle.Updated },
        Data = JsonDocument.Parse("{}").RootElement,
    };

    private static string Json(CanonicalEvent canonical) => JsonSerializer.Serialize(canonical, EventJsonContext.Default.CanonicalEvent);
}
