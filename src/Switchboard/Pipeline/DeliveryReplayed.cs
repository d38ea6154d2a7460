using Switchboard.Delivery;

namespace Switchboard.Pipeline;

/// <summary>The result of replaying a dead letter.</summary>
public sealed record DeliveryReplayed
{
    /// <summary>Whether the replay happened, or why not.</summary>
    public required ReplayStatus Status { get; init; }

    /// <summary>Why the replay did not happen, for people; null when it did.</summary>
    public string? Detail { get; init; }

    /// <summary>The replay's delivery id.</summary>
    public string? ReplayId { get; init; }

    /// <summary>
    /// The replay's first attempt; null when the replayed work made none yet (a CRM sync that found the session busy,
    /// or no longer configured, looks again later).
    /// </summary>
    public DeliveryAttempted? FirstAttempt { get; init; }
}
