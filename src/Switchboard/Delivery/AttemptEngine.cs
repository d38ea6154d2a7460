using Microsoft.Extensions.Logging;
using Switchboard.Pipeline;

namespace Switchboard.Delivery;

/// <summary>
/// The one loop behind every outbound attempt — webhooks, CRM calls and outcome emails: read the attempt log, skip
/// what is done, attempt, let the plan's policy decide, record the attempt and the summary after it in one
/// transaction, and schedule the next attempt. A dead letter keeps the work that makes its attempts, so any kind can be
/// replayed; a replayed dead letter's later runs continue under its replay's delivery id.
/// </summary>
public sealed partial class AttemptEngine(DeliveryLog log, TimeProvider time, ILogger<AttemptEngine> logger)
{
    /// <summary>How early a retry may run: the portable host's jobs surface up to a second before they are due.</summary>
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Makes the plan's attempt unless the log has it already, with <paramref name="attempt"/> doing the sending, and
    /// schedules the next attempt on <paramref name="scheduler"/> when the outcome asks for a retry. Returns the attempt
    /// made, or the last one the log records when none was due. Storage failures throw, so the host runs the work again.
    /// </summary>
    public async Task<DeliveryAttempted> RunAsync(
        AttemptPlan plan, Func<AttemptTurn, CancellationToken, Task<AttemptMade>> attempt, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(scheduler);
        var turn = await BeginAsync(plan, cancellationToken).ConfigureAwait(false);
        var attempted = turn.Status == AttemptTurnStatus.Due
            ? await RecordAsync(turn, await attempt(turn, cancellationToken).ConfigureAwait(false), verdict: null, cancellationToken).ConfigureAwait(false)
            : Recorded(turn);

        // A run that recorded this attempt may have stopped before scheduling the next; scheduling it again is harmless,
        // since the next attempt is skipped in turn once recorded.
        if (attempted is { State: DeliveryState.Retrying, NextRetryAt: { } at })
        {
            await scheduler.ScheduleAsync(plan.Work(attempted.Attempt + 1), at, cancellationToken).ConfigureAwait(false);
        }

        return attempted;
    }

    /// <summary>Reads where the plan's series stands and which attempt, if any, is due now.</summary>
    public async Task<AttemptTurn> BeginAsync(AttemptPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deliveryId = plan.DeliveryId;
        var replayOf = plan.ReplayOf;
        var previous = plan.NoPriorAttempt ? null : await log.GetAsync(plan.Tenant, deliveryId, cancellationToken).ConfigureAwait(false);
        var replayed = false;
        while (previous is { State: DeliveryState.Failed, ReplayedAs: { } replay })
        {
            replayOf = deliveryId;
            deliveryId = replay;
            replayed = true;
            previous = await log.GetAsync(plan.Tenant, replay, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var turn = new AttemptTurn
        {
            Plan = plan,
            Status = AttemptTurnStatus.Due,
            DeliveryId = deliveryId,
            ReplayOf = previous?.ReplayOf ?? replayOf,
            Attempt = replayed ? 1 : plan.Attempt ?? 1,
            FirstAttemptAt = previous?.FirstAttemptAt ?? (replayed ? now : plan.FirstAttemptAt),
            Previous = previous,
        };
        if (previous is null)
        {
            return turn;
        }

        if (previous.State != DeliveryState.Retrying)
        {
            return turn with { Status = AttemptTurnStatus.Recorded };
        }

        // A replay numbers its attempts afresh, so the plan's number (the dead letter's) means nothing to it.
        if (plan.Attempt is { } wanted && !replayed)
        {
            return previous.Attempts >= wanted ? turn with { Status = AttemptTurnStatus.Recorded } : turn with { Attempt = wanted };
        }

        return previous.NextRetryAt is { } due && due > now + DueTolerance
            ? turn with { Status = AttemptTurnStatus.Waiting }
            : turn with { Attempt = previous.Attempts + 1 };
    }

    /// <summary>
    /// Records an attempt made on <paramref name="turn"/>, decided by the plan's policy unless the caller gives its own
    /// <paramref name="verdict"/> (a call the receiver accepted without what the flow needs). A failed delivery keeps
    /// the work that makes its attempts, for replay.
    /// </summary>
    public async Task<DeliveryAttempted> RecordAsync(AttemptTurn turn, AttemptMade made, DeliveryDecision? verdict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(made);
        var plan = turn.Plan;
        var decision = verdict ?? plan.Policy(turn.Attempt, made.Outcome, turn.FirstAttemptAt, time.GetUtcNow());
        var attempted = Attempted(plan, turn.DeliveryId, turn.Attempt, made, decision);
        var previous = turn.Previous;
        var summary = new DeliveryRecord
        {
            DeliveryId = turn.DeliveryId,
            Tenant = plan.Tenant,
            Kind = plan.Kind,
            Target = plan.Target,
            EventId = plan.EventId,
            EventType = plan.EventType,
            Source = plan.Source,
            State = decision.State,
            Attempts = Math.Max(turn.Attempt, previous?.Attempts ?? 0),
            FirstAttemptAt = turn.FirstAttemptAt,
            LastAttemptAt = made.AttemptedAt,
            LastStatusCode = attempted.StatusCode,
            LastError = attempted.Error,
            LastErrorMessage = attempted.ErrorMessage,
            NextRetryAt = decision.RetryAt,
            ReplayOf = turn.ReplayOf,
        };
        var work = decision.State == DeliveryState.Failed ? plan.Work(turn.Attempt) : null;
        if (!await log.RecordAsync(attempted, summary, previous, work, cancellationToken).ConfigureAwait(false))
        {
            LogConcurrentAttempt(logger, plan.Kind, turn.DeliveryId, turn.Attempt);
        }

        switch (decision.State)
        {
            case DeliveryState.Delivered:
                LogDelivered(logger, plan.Kind, plan.Target, turn.DeliveryId, turn.Attempt, attempted.StatusCode ?? 0, attempted.LatencyMs);
                break;
            case DeliveryState.Retrying:
                LogRetrying(logger, plan.Kind, plan.Target, turn.DeliveryId, turn.Attempt, Describe(attempted), decision.RetryAt!.Value);
                break;
            default:
                LogDeadLetter(logger, plan.Kind, plan.Target, turn.DeliveryId, turn.Attempt, Describe(attempted));
                break;
        }

        return attempted;
    }

    /// <summary>The attempt <paramref name="made"/> as the log records it, with what <paramref name="decision"/> says follows.</summary>
    public static DeliveryAttempted Attempted(AttemptPlan plan, string deliveryId, int attempt, AttemptMade made, DeliveryDecision decision)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(made);
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = made.Outcome;
        return new DeliveryAttempted
        {
            DeliveryId = deliveryId,
            Tenant = plan.Tenant,
            Kind = plan.Kind,
            Target = plan.Target,
            EventId = plan.EventId,
            Attempt = attempt,
            AttemptedAt = made.AttemptedAt,
            Method = made.Method,
            Url = made.Url,
            StatusCode = outcome.StatusCode,
            LatencyMs = (long)outcome.Latency.TotalMilliseconds,
            Error = outcome.Error,
            ErrorMessage = outcome.ErrorMessage,
            ResponseExcerpt = outcome.ResponseExcerpt,
            State = decision.State,
            NextRetryAt = decision.RetryAt,
        };
    }

    private DeliveryAttempted Recorded(AttemptTurn turn)
    {
        var previous = turn.Previous!;
        LogAlreadyRecorded(logger, turn.Plan.Kind, turn.DeliveryId, turn.Attempt, previous.State);
        return DeliveryAttempted.From(previous);
    }

    private static string Describe(DeliveryAttempted attempted) =>
        attempted.Error == AttemptError.None ? $"status {attempted.StatusCode}" : $"{attempted.Error}: {attempted.ErrorMessage}";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {DeliveryId} to {Target} delivered on attempt {Attempt}: status {Status} in {LatencyMs} ms")]
    private static partial void LogDelivered(ILogger logger, AttemptKind kind, string target, string deliveryId, int attempt, int status, long latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {DeliveryId} to {Target} attempt {Attempt} failed ({Outcome}); retrying at {RetryAt:O}")]
    private static partial void LogRetrying(ILogger logger, AttemptKind kind, string target, string deliveryId, int attempt, string outcome, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {DeliveryId} to {Target} failed on attempt {Attempt} ({Outcome}); it is a dead letter")]
    private static partial void LogDeadLetter(ILogger logger, AttemptKind kind, string target, string deliveryId, int attempt, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {DeliveryId} attempt {Attempt} skipped: the log already records it ({State})")]
    private static partial void LogAlreadyRecorded(ILogger logger, AttemptKind kind, string deliveryId, int attempt, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {DeliveryId} attempt {Attempt} was recorded by a concurrent run; this run's record was dropped")]
    private static partial void LogConcurrentAttempt(ILogger logger, AttemptKind kind, string deliveryId, int attempt);
}
