using Switchboard.Delivery;

namespace Switchboard.Pipeline;

/// <summary>The result of replaying a dead letter.</summary>
public sealed record DeliveryReplayed
{
    /// <summary>Whether the replay happened, or why not.</summary>
    public required ReplayStatus Status { get; init; }

    /// <summary>Why the replay did not happen, for people; null when it did.</summary>
    public string? Detail { get; init; }

    /// <summary>The new delivery's job (its attempt 1); when <see cref="FirstAttempt"/> asks for a retry, the host schedules <see cref="DeliveryJob.Next"/>.</summary>
    public DeliveryJob? Job { get; init; }

    /// <summary>The new delivery's first attempt.</summary>
    public DeliveryAttempted? FirstAttempt { get; init; }
}
