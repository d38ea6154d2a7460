using System.Text.Json.Serialization;

namespace Switchboard.Delivery;

/// <summary>
/// One attempt of a delivery, as recorded in table <c>Deliveries</c> and returned by the API: what was sent where,
/// what came back, and what follows (<see cref="State"/>, <see cref="NextRetryAt"/>).
/// </summary>
public sealed record DeliveryAttempted
{
    /// <summary>The delivery id, also the request's <c>webhook-id</c>.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>What was attempted: a webhook, a CRM call or an outcome email.</summary>
    public AttemptKind Kind { get; init; }

    /// <summary>Where, in the kind's own words: the trigger id of a webhook, the operation of a CRM call, <c>session-outcome</c> for an email.</summary>
    public required string Target { get; init; }

    /// <summary>The trigger whose webhook this is; null for CRM calls and emails.</summary>
    public string? TriggerId => Kind == AttemptKind.Webhook ? Target : null;

    /// <summary>The event that was sent.</summary>
    public required string EventId { get; init; }

    /// <summary>The attempt number, 1 for the first.</summary>
    public required int Attempt { get; init; }

    /// <summary>When the attempt started.</summary>
    public required DateTimeOffset AttemptedAt { get; init; }

    /// <summary>The HTTP method; null when the request could not be built.</summary>
    public string? Method { get; init; }

    /// <summary>The URL without its query string (which may carry tokens) and with its password masked; null when the request could not be built.</summary>
    public string? Url { get; init; }

    /// <summary>The receiver's status code; null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>From sending to reading the response excerpt, in milliseconds.</summary>
    public long LatencyMs { get; init; }

    /// <summary>Why no usable response arrived; <see cref="AttemptError.None"/> when one did.</summary>
    public AttemptError Error { get; init; }

    /// <summary>The error for people; null when there was none.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The first bytes of the response body (up to <see cref="DeliveryOptions.ResponseExcerptBytes"/>).</summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>Where the delivery stands after this attempt.</summary>
    public required DeliveryState State { get; init; }

    /// <summary>When the next attempt is due; set only while <see cref="State"/> is retrying.</summary>
    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>What follows this attempt, as the retry policy decided it (<see cref="State"/> and <see cref="NextRetryAt"/> together).</summary>
    [JsonIgnore]
    public DeliveryDecision Decision => new() { State = State, RetryAt = NextRetryAt };

    /// <summary>The last attempt of a delivery as its log summary records it, for a step that finds the work already done.</summary>
    public static DeliveryAttempted From(DeliveryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            DeliveryId = record.DeliveryId,
            Tenant = record.Tenant,
            Kind = record.Kind,
            Target = record.Target,
            EventId = record.EventId,
            Attempt = record.Attempts,
            AttemptedAt = record.LastAttemptAt,
            StatusCode = record.LastStatusCode,
            Error = record.LastError,
            ErrorMessage = record.LastErrorMessage,
            State = record.State,
            NextRetryAt = record.NextRetryAt,
        };
    }
}
