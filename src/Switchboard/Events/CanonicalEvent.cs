using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>
/// One platform event in Switchboard's own shape (docs/platforms.md, "The canonical event"): what is queued, journaled
/// and matched against triggers. Serialise it with <see cref="EventJsonContext.Default"/>: the context allows the extra
/// nesting level that wrapping a 64-deep payload in <see cref="Data"/> adds.
/// </summary>
public sealed record CanonicalEvent
{
    /// <summary>Switchboard's id for the event, <c>evt_</c> followed by 32 hex digits (see <see cref="EventIds"/>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The adapter that parsed the event: ucontact, cdr, videsk, webitel or ccai.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>
    /// The platform's event name in the adapter's canonical spelling (e.g. <c>End_Call</c>,
    /// <c>queue.abandoned</c>); unknown names are passed on as received.
    /// </summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The Switchboard tenant the event was posted for (the ingest route's <c>?tenant=</c>).</summary>
    [JsonPropertyName("tenant")]
    public required string Tenant { get; init; }

    /// <summary>
    /// When the platform says the event happened, in UTC; the receive time when the payload carries no time,
    /// or carries one that cannot be read (then <see cref="Flags"/> holds <see cref="EventFlags.DateUnparseable"/>).
    /// </summary>
    [JsonPropertyName("occurredAt")]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>When Switchboard received the request.</summary>
    [JsonPropertyName("receivedAt")]
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The call, chat or task the event belongs to; null for agent or account events.</summary>
    [JsonPropertyName("session")]
    public EventSession? Session { get; init; }

    /// <summary>The agent the event concerns, when the payload names one.</summary>
    [JsonPropertyName("agent")]
    public EventAgent? Agent { get; init; }

    /// <summary>The queue (campaign, group) the event concerns, when the payload names one.</summary>
    [JsonPropertyName("queue")]
    public EventQueue? Queue { get; init; }

    /// <summary>
    /// The platform's payload, untouched: every field, in order, numbers as written. A form-encoded body is
    /// carried as the equivalent JSON object with string values.
    /// </summary>
    [JsonPropertyName("data")]
    public required JsonElement Data { get; init; }

    /// <summary>What the adapter had to work around, as <see cref="EventFlags"/> values; empty when nothing.</summary>
    [JsonPropertyName("flags")]
    public IReadOnlyList<string> Flags { get; init; } = [];
}
