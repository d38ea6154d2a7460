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
}
