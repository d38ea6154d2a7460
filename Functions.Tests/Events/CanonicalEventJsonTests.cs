using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>The queued and journaled JSON of a canonical event has the shape docs/platforms.md describes ("The canonical event").</summary>
public sealed class CanonicalEventJsonTests
{
    [Fact]
    public void It_serialises_with_the_documented_property_names_and_lower_case_lifecycle()
    {
        var e = Parse("ccai", PrintedPayloads.CcaiEndCall);

        var json = JsonNode.Parse(JsonSerializer.Serialize(e, EventJsonContext.Default.CanonicalEvent))!.AsObject();

        Assert.Equal(
            ["id", "source", "type", "tenant", "occurredAt", "receivedAt", "session", "agent", "queue", "data", "flags"],
            json.Select(p => p.Key));
        Assert.Equal("End_Call", (string?)json["type"]);
        Assert.Equal("2024-06-01T12:00:00+00:00", (string?)json["occurredAt"]);
        Assert.Equal("""{"id":"103646","channel":"call","lifecycle":"ended"}""", json["session"]!.ToJsonString());
        Assert.Equal("""{"id":"1","email":"Kim@example.com","name":null}""", json["agent"]!.ToJsonString());
        Assert.Equal("""{"id":"8469","name":"Developers / Kim"}""", json["queue"]!.ToJsonString());
        Assert.Equal(103646, (int)json["data"]!["data"]!["call_id"]!);
    }

    [Fact]
    public void A_known_outcome_is_written_and_a_missing_lifecycle_is_null()
    {
        var ended = Parse("webitel", WrittenPayloads.Webitel("leaving"));
        var unknown = Parse("webitel", """{"event":"transferred","member_channel_id":"m-1"}""");

        Assert.Contains("\"outcome\":\"completed\"", JsonSerializer.Serialize(ended, EventJsonContext.Default.CanonicalEvent), StringComparison.Ordinal);
        Assert.Contains("\"lifecycle\":null", JsonSerializer.Serialize(unknown, EventJsonContext.Default.CanonicalEvent), StringComparison.Ordinal);
    }

    [Fact]
    public void It_reads_back_equal()
    {
        var e = Parse("videsk", WrittenPayloads.VideskTemplateRendered);

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(e, EventJsonContext.Default.CanonicalEvent), EventJsonContext.Default.CanonicalEvent)!;

        Assert.Equal(e with { Data = default, Flags = Array.Empty<string>() }, back with { Data = default, Flags = Array.Empty<string>() });
        Assert.True(JsonElement.DeepEquals(e.Data, back.Data));
        Assert.Equal(e.Flags, back.Flags);
    }

    [Fact]
    public void A_payload_at_the_depth_limit_survives_the_round_trip()
    {
        var e = Parse("ccai", MinimalBody("ccai", new string('[', 63) + new string(']', 63)));

        var json = JsonSerializer.Serialize(e, EventJsonContext.Default.CanonicalEvent);
        var back = JsonSerializer.Deserialize(json, EventJsonContext.Default.CanonicalEvent)!;

        Assert.True(JsonElement.DeepEquals(e.Data, back.Data));
    }
}
