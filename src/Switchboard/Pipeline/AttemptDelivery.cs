using HandlebarsDotNet;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Pipeline;

/// <summary>
/// The webhook delivery step both hosts run: one attempt of a delivery through the <see cref="AttemptEngine"/> — read
/// the trigger, build and sign the request, send it — with the trigger's retry policy deciding what follows and the
/// next attempt scheduled as work of kind <see cref="DeliveryJob.WorkKind"/>. Idempotent: an attempt already recorded,
/// or any attempt of a delivery already delivered or failed, returns the recorded result without sending again.
/// </summary>
public sealed partial class AttemptDelivery(
    TriggerCatalog catalog,
    WebhookRequestBuilder builder,
    WebhookSender sender,
    AttemptEngine engine,
    TimeProvider time,
    ILogger<AttemptDelivery> logger)
{
    private static readonly TriggerRetry NoRetry = new() { Policy = "none" };

    /// <summary>Runs <paramref name="job"/> with its trigger as the trigger cache has it now (a deleted trigger fails the delivery).</summary>
    public async Task<DeliveryAttempted> RunAsync(DeliveryJob job, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var triggers = await catalog.GetAsync(job.Tenant, cancellationToken).ConfigureAwait(false);
        var trigger = triggers.Triggers.FirstOrDefault(t => string.Equals(t.Id, job.TriggerId, StringComparison.Ordinal));
        return await RunAsync(job, trigger, scheduler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="job"/> through <paramref name="trigger"/> (as matched a moment ago; null when it no longer
    /// exists) and schedules its next attempt on <paramref name="scheduler"/> when the policy asks for one. Storage
    /// failures throw, so the host retries the job as a whole; receiver and network failures are the attempt's outcome.
    /// </summary>
    public Task<DeliveryAttempted> RunAsync(DeliveryJob job, Trigger? trigger, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(job.Attempt, 1);
        var plan = Plan(job, trigger?.Action.Retry ?? NoRetry);

        // A replay sends under its own delivery id, which is the webhook-id the receiver sees.
        return engine.RunAsync(plan, (turn, token) => SendAsync(job with { DeliveryId = turn.DeliveryId }, trigger, token), scheduler, cancellationToken);
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
        var job = DeliveryJob.First(sample, trigger.Id, now) with { DeliveryId = DeliveryIds.New(now) };
        var made = await SendAsync(job, trigger with { Enabled = true }, cancellationToken).ConfigureAwait(false);
        var plan = Plan(job, NoRetry);
        return AttemptEngine.Attempted(plan, job.DeliveryId, 1, made, plan.Policy(1, made.Outcome, now, time.GetUtcNow()));
    }

    private static AttemptPlan Plan(DeliveryJob job, TriggerRetry retry) => new()
    {
        DeliveryId = job.DeliveryId,
        Tenant = job.Tenant,
        Kind = AttemptKind.Webhook,
        Target = job.TriggerId,
        EventId = job.Event.Id,
        EventType = job.Event.Type,
        Source = job.Event.Source,
        Attempt = job.Attempt,
        FirstAttemptAt = job.FirstAttemptAt,
        ReplayOf = job.ReplayOf,
        NoPriorAttempt = job.NoPriorAttempt,
        Policy = (attempt, outcome, first, now) => RetryPolicy.Decide(retry, attempt, outcome, first, now),
        Work = attempt => job.At(attempt).ToWork(),
    };

    private async Task<AttemptMade> SendAsync(DeliveryJob job, Trigger? trigger, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        if (trigger is null)
        {
            return Made(attemptedAt, null, AttemptOutcome.Failure(AttemptError.Trigger, $"Trigger '{job.TriggerId}' no longer exists in tenant '{job.Tenant}'."));
        }

        if (!trigger.Enabled)
        {
            return Made(attemptedAt, null, AttemptOutcome.Failure(AttemptError.Trigger, $"Trigger '{job.TriggerId}' is disabled."));
        }

        WebhookRequest request;
        try
        {
            request = builder.Build(trigger, job.Event, job.DeliveryId, attemptedAt);
        }
        catch (Exception exception) when (exception is FormatException or HandlebarsException or ArgumentException or InvalidOperationException)
        {
            LogBuildFailed(logger, exception, job.DeliveryId, job.TriggerId);
            return Made(attemptedAt, null, AttemptOutcome.Failure(AttemptError.Request, $"The request could not be built: {exception.Message}"));
        }

        var timeout = TimeSpan.FromSeconds(Math.Clamp(trigger.Action.TimeoutSeconds, 1, TriggerDefaults.TimeoutSeconds));
        return Made(attemptedAt, request, await sender.SendAsync(request, timeout, cancellationToken).ConfigureAwait(false));
    }

    private static AttemptMade Made(DateTimeOffset attemptedAt, WebhookRequest? request, AttemptOutcome outcome) => new()
    {
        AttemptedAt = attemptedAt,
        Method = request?.Method.Method,
        Url = request is null ? null : SecretMask.MaskUrl(request.Url.GetLeftPart(UriPartial.Path)),
        Outcome = outcome,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the request of trigger {TriggerId} could not be built")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception, string deliveryId, string triggerId);
}
