using Switchboard.Pipeline;

namespace Switchboard.Delivery;

/// <summary>
/// A series of attempts as <see cref="AttemptEngine"/> runs it: what is attempted (kind and target), for which event,
/// under which delivery id, which attempt is wanted, the policy that decides what follows an attempt, and the work that
/// makes an attempt of the series — scheduled for a retry, and kept with a dead letter so it can be replayed.
/// </summary>
public sealed record AttemptPlan
{
    /// <summary>The delivery id: one per series, so a repeated run finds the attempts already made.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>What is attempted.</summary>
    public required AttemptKind Kind { get; init; }

    /// <summary>Where, in the kind's own words: the trigger id, the CRM operation, <c>session-outcome</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The event the series is for (for an email, the session's file stem).</summary>
    public required string EventId { get; init; }

    /// <summary>The event's type, for listings.</summary>
    public string? EventType { get; init; }

    /// <summary>The event's source, for listings.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The attempt wanted, 1 for the first; null for the one after the last the log records (series run under a lease,
    /// such as a session's CRM calls, number their attempts by the log).
    /// </summary>
    public int? Attempt { get; init; }

    /// <summary>When the series' first attempt ran or is about to; the log's own record wins once it has one.</summary>
    public required DateTimeOffset FirstAttemptAt { get; init; }

    /// <summary>The dead letter this series replays, if it is a replay.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>
    /// True only when the caller knows no attempt can be recorded yet (an event's queue message received for the first
    /// time), which saves the read of the log.
    /// </summary>
    public bool NoPriorAttempt { get; init; }

    /// <summary>Decides what follows each attempt.</summary>
    public required AttemptPolicy Policy { get; init; }

    /// <summary>The work that makes attempt n of the series when it runs.</summary>
    public required Func<int, PipelineWork> Work { get; init; }
}
