using System.Text.Json;

namespace Switchboard.Events;

/// <summary>What the ingest endpoint knows about a request besides its body.</summary>
public sealed record SourceContext
{
    /// <summary>The tenant the event is posted for.</summary>
    public required string Tenant { get; init; }

    /// <summary>When the request arrived; the fallback for <see cref="CanonicalEvent.OccurredAt"/>.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The id the event gets; passed in so a replayed request can keep its id.</summary>
    public required string EventId { get; init; }

    /// <summary>
    /// An event name from outside the body (the ingest route's <c>?type=</c>), used only when the body has
    /// none: the CCAI call-redaction body <c>{agent_id, call_id}</c> does not say whether redaction started or stopped.
    /// </summary>
    public string? TypeHint { get; init; }

    /// <summary>A context with a new <see cref="EventIds.New"/> id.</summary>
    public static SourceContext Create(string tenant, DateTimeOffset receivedAt) =>
        new() { Tenant = tenant, ReceivedAt = receivedAt, EventId = EventIds.New(receivedAt) };

    /// <summary>
    /// The event this request carries, as the adapter <paramref name="source"/> parsed it: this context's id, tenant and
    /// receive time, occurred at <paramref name="occurredAt"/> or, when the adapter read no time, at the receive time in
    /// UTC. Adapters add the session, agent, queue and flags with <c>with</c>.
    /// </summary>
    public CanonicalEvent Event(string source, string type, JsonElement data, DateTimeOffset? occurredAt = null) => new()
    {
        Id = EventId,
        Source = source,
        Type = type,
        Tenant = Tenant,
        OccurredAt = occurredAt ?? ReceivedAt.ToUniversalTime(),
        ReceivedAt = ReceivedAt,
        Data = data,
    };
}
