namespace Switchboard.Delivery;

/// <summary>
/// What follows an attempt: it was delivered, another attempt is due at <see cref="RetryAt"/>, or the delivery
/// failed for good and is a dead letter. A plain record so a durable orchestration can carry it.
/// </summary>
public sealed record DeliveryDecision
{
    /// <summary>Delivered, retrying or failed.</summary>
    public required DeliveryState State { get; init; }

    /// <summary>When the next attempt is due; set only when <see cref="State"/> is <see cref="DeliveryState.Retrying"/>.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The receiver accepted the request.</summary>
    public static DeliveryDecision Delivered { get; } = new() { State = DeliveryState.Delivered };

    /// <summary>No attempt follows.</summary>
    public static DeliveryDecision Failed { get; } = new() { State = DeliveryState.Failed };

    /// <summary>Try again at <paramref name="at"/>.</summary>
    public static DeliveryDecision Retry(DateTimeOffset at) => new() { State = DeliveryState.Retrying, RetryAt = at };
}
