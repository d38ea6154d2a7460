namespace Switchboard.Delivery;

/// <summary>A delivery as the attempt log summarises it: the event and trigger, where it stands and its last attempt.</summary>
public sealed record DeliveryRecord
{
    /// <summary>The delivery id (the requests' <c>webhook-id</c>).</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>What was attempted: a webhook, a CRM call or an outcome email.</summary>
    public AttemptKind Kind { get; init; }

    /// <summary>Where, in the kind's own words: the trigger id of a webhook, the operation of a CRM call, <c>session-outcome</c> for an email.</summary>
    public required string Target { get; init; }

    /// <summary>The trigger whose webhook this is; null for CRM calls and emails.</summary>
    public string? TriggerId => Kind == AttemptKind.Webhook ? Target : null;

    /// <summary>The event.</summary>
    public required string EventId { get; init; }

    /// <summary>The event's type.</summary>
    public string? EventType { get; init; }

    /// <summary>The event's source.</summary>
    public string? Source { get; init; }

    /// <summary>Delivered, retrying, or failed (a dead letter).</summary>
    public required DeliveryState State { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>When the first attempt started.</summary>
    public DateTimeOffset FirstAttemptAt { get; init; }

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset LastAttemptAt { get; init; }

    /// <summary>The last attempt's status code, if a response arrived.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>The last attempt's error.</summary>
    public AttemptError LastError { get; init; }

    /// <summary>The last attempt's error message.</summary>
    public string? LastErrorMessage { get; init; }

    /// <summary>When the next attempt is due, while retrying.</summary>
    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>The dead letter this delivery replays, if it is a replay.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>The delivery that replayed this dead letter, once replayed.</summary>
    public string? ReplayedAs { get; init; }
}
