using HandlebarsDotNet;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Pipeline;

/// <summary>
/// The delivery step both hosts run (DESIGN §1): one attempt of a delivery — read the trigger, build and sign the
/// request, send it, let the retry policy decide, record the attempt in table <c>Deliveries</c> — and the decision
/// back (delivered, retry at a time, or failed: a dead letter). Scheduling the retry is the host's business.
/// Idempotent: an attempt already recorded, or any attempt of a delivery already delivered or failed, returns the
/// recorded result without sending again.
/// </summary>
public sealed partial class AttemptDelivery(
    TriggerCatalog catalog,
    WebhookRequestBuilder builder,
    WebhookSender sender,
    DeliveryLog log,
    TimeProvider time,
    ILogger<AttemptDelivery> logger)
{
    private static readonly TriggerRetry NoRetry = new() { Policy = "none" };

    /// <summary>Runs <paramref name="job"/> with its trigger as the trigger cache has it now (a deleted trigger fails the delivery).</summary>
    public async Task<DeliveryAttempted> RunAsync(DeliveryJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var triggers = await catalog.GetAsync(job.Tenant, cancellationToken).ConfigureAwait(false);
        var trigger = triggers.Triggers.FirstOrDefault(t => string.Equals(t.Id, job.TriggerId, StringComparison.Ordinal));
        return await RunAsync(job, trigger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="job"/> through <paramref name="trigger"/> (as matched a moment ago; null when it no longer
    /// exists). Storage failures throw, so the host retries the job as a whole; receiver and network failures are
    /// the attempt's outcome.
    /// </summary>
    public async Task<DeliveryAttempted> RunAsync(DeliveryJob job, Trigger? trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(job.Attempt, 1);
        var previous = job.NoPriorAttempt ? null : await log.GetAsync(job.Tenant, job.DeliveryId, cancellationToken).ConfigureAwait(false);
        if (previous is not null && (previous.State != DeliveryState.Retrying || previous.Attempts >= job.Attempt))
        {
            LogAlreadyRecorded(logger, job.DeliveryId, job.Attempt, previous.State);
            return DeliveryAttempted.From(previous);
        }

        var attempted = await AttemptAsync(job, trigger, trigger?.Action.Retry ?? NoRetry, cancellationToken).ConfigureAwait(false);
        var summary = DeliveryLog.Summarise(attempted, previous, job.Event, job.FirstAttemptAt, job.ReplayOf);
        var payload = attempted.State == DeliveryState.Failed ? job.Event : null;
        if (!await log.RecordAsync(attempted, summary, previous, payload, cancellationToken).ConfigureAwait(false))
        {
            LogConcurrentAttempt(logger, job.DeliveryId, job.Attempt);
        }

        switch (attempted.State)
        {
            case DeliveryState.Delivered:
                LogDelivered(logger, job.DeliveryId, job.TriggerId, job.Attempt, attempted.StatusCode ?? 0, attempted.LatencyMs);
                break;
            case DeliveryState.Retrying:
                LogRetrying(logger, job.DeliveryId, job.TriggerId, job.Attempt, Describe(attempted), attempted.NextRetryAt!.Value);
                break;
            default:
                LogDeadLetter(logger, job.DeliveryId, job.TriggerId, job.Attempt, Describe(attempted));
                break;
        }

        return attempted;
    }

    /// <summary>
    /// Sends a sample event of the trigger's source (<see cref="SampleEvents"/>) through <paramref name="trigger"/> now,
    /// once, without retries and without recording it, and returns the attempt — what <c>POST /api/triggers/{id}/test</c> shows.
    /// </summary>
    public async Task<DeliveryAttempted> TestAsync(Trigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var now = time.GetUtcNow();
        var type = trigger.Events.FirstOrDefault(e => e != "*");
        var sample = SampleEvents.For(trigger.Source, type, trigger.Tenant, now);
        var job = new DeliveryJob
        {
            DeliveryId = DeliveryIds.New(now),
            Tenant = trigger.Tenant,
            TriggerId = trigger.Id,
            Event = sample,
            FirstAttemptAt = now,
        };
        return await AttemptAsync(job, trigger with { Enabled = true }, NoRetry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replays a dead letter: a new delivery (new id, <see cref="DeliveryJob.ReplayOf"/> set) of the same event
    /// through the trigger as it is now, with a fresh attempt series whose first attempt runs at once. When that
    /// attempt asks for a retry, the host schedules <see cref="DeliveryJob.Next"/> of the returned job.
    /// </summary>
    public async Task<DeliveryReplayed> ReplayAsync(string tenant, string deliveryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(deliveryId);
        var deadLetter = await log.GetAsync(tenant, deliveryId, cancellationToken).ConfigureAwait(false);
        if (deadLetter is null)
        {
            return Refused(ReplayStatus.NotFound, $"No delivery '{deliveryId}' in tenant '{tenant}'.");
        }

        if (deadLetter.State != DeliveryState.Failed)
        {
            return Refused(ReplayStatus.NotDeadLetter, $"Delivery '{deliveryId}' is {DeliveryLog.Name(deadLetter.State)}; only failed deliveries (dead letters) are replayed.");
        }

        if (deadLetter.ReplayedAs is { } replay)
        {
            return Refused(ReplayStatus.AlreadyReplayed, $"Delivery '{deliveryId}' was replayed as '{replay}'; replay that one if it failed too.");
        }

        var payload = await log.LoadPayloadAsync(tenant, deliveryId, cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            return Refused(ReplayStatus.PayloadMissing, $"The event of delivery '{deliveryId}' is no longer stored.");
        }

        var now = time.GetUtcNow();
        var job = new DeliveryJob
        {
            DeliveryId = DeliveryIds.New(now),
            Tenant = tenant,
            TriggerId = deadLetter.TriggerId,
            Event = payload,
            FirstAttemptAt = now,
            ReplayOf = deliveryId,
        };
        await log.MarkReplayedAsync(deadLetter, job.DeliveryId, cancellationToken).ConfigureAwait(false);
        LogReplaying(logger, deliveryId, job.DeliveryId);
        var first = await RunAsync(job, cancellationToken).ConfigureAwait(false);
        return new DeliveryReplayed { Status = ReplayStatus.Replayed, Job = job, FirstAttempt = first };
    }

    private async Task<DeliveryAttempted> AttemptAsync(DeliveryJob job, Trigger? trigger, TriggerRetry retry, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        WebhookRequest? request = null;
        AttemptOutcome outcome;
        if (trigger is null)
        {
            outcome = AttemptOutcome.Failure(AttemptError.Trigger, $"Trigger '{job.TriggerId}' no longer exists in tenant '{job.Tenant}'.");
        }
        else if (!trigger.Enabled)
        {
            outcome = AttemptOutcome.Failure(AttemptError.Trigger, $"Trigger '{job.TriggerId}' is disabled.");
        }
        else
        {
            string? buildError = null;
            try
            {
                request = builder.Build(trigger, job.Event, job.DeliveryId, attemptedAt);
            }
            catch (Exception exception) when (exception is FormatException or HandlebarsException or ArgumentException or InvalidOperationException)
            {
                LogBuildFailed(logger, exception, job.DeliveryId, job.TriggerId);
                buildError = $"The request could not be built: {exception.Message}";
            }

            var timeout = TimeSpan.FromSeconds(Math.Clamp(trigger.Action.TimeoutSeconds, 1, TriggerDefaults.TimeoutSeconds));
            outcome = request is null
                ? AttemptOutcome.Failure(AttemptError.Request, buildError ?? "The request could not be built.")
                : await sender.SendAsync(request, timeout, cancellationToken).ConfigureAwait(false);
        }

        var decision = RetryPolicy.Decide(retry, job.Attempt, outcome, job.FirstAttemptAt, time.GetUtcNow());
        return new DeliveryAttempted
        {
            DeliveryId = job.DeliveryId,
            Tenant = job.Tenant,
            TriggerId = job.TriggerId,
            EventId = job.Event.Id,
            Attempt = job.Attempt,
            AttemptedAt = attemptedAt,
            Method = request?.Method.Method,
            Url = request is null ? null : SecretMask.MaskUrl(request.Url.GetLeftPart(UriPartial.Path)),
            StatusCode = outcome.StatusCode,
            LatencyMs = (long)outcome.Latency.TotalMilliseconds,
            Error = outcome.Error,
            ErrorMessage = outcome.ErrorMessage,
            ResponseExcerpt = outcome.ResponseExcerpt,
            State = decision.State,
            NextRetryAt = decision.RetryAt,
        };
    }


    private static DeliveryReplayed Refused(ReplayStatus status, string detail) => new() { Status = status, Detail = detail };

    private static string Describe(DeliveryAttempted attempted) =>
        attempted.Error == AttemptError.None ? $"HTTP {attempted.StatusCode}" : $"{attempted.Error}: {attempted.ErrorMessage}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} via trigger {TriggerId} delivered on attempt {Attempt}: HTTP {Status} in {LatencyMs} ms")]
    private static partial void LogDelivered(ILogger logger, string deliveryId, string triggerId, int attempt, int status, long latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} via trigger {TriggerId} attempt {Attempt} failed ({Outcome}); retrying at {RetryAt:O}")]
    private static partial void LogRetrying(ILogger logger, string deliveryId, string triggerId, int attempt, string outcome, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} via trigger {TriggerId} failed on attempt {Attempt} ({Outcome}); it is a dead letter")]
    private static partial void LogDeadLetter(ILogger logger, string deliveryId, string triggerId, int attempt, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} attempt {Attempt} skipped: the log already records it ({State})")]
    private static partial void LogAlreadyRecorded(ILogger logger, string deliveryId, int attempt, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt} was recorded by a concurrent run; this run's record was dropped")]
    private static partial void LogConcurrentAttempt(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the request of trigger {TriggerId} could not be built")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception, string deliveryId, string triggerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {DeliveryId} replayed as {ReplayId}")]
    private static partial void LogReplaying(ILogger logger, string deliveryId, string replayId);
}
