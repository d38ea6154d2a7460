using Switchboard.Crm.Settings;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Makes CRM calls with the retries seed 004 prescribes — a 400 is retried, with exponential backoff (30 s doubling,
/// capped at 6 h), for a week from the first attempt, as are timeouts and connection errors; other errors are not —
/// and records every attempt in table <c>Deliveries</c> (<see cref="DeliveryLog"/>) without a replayable payload.
/// Each call is keyed by its delivery id, so a run that finds it done, dead or not yet due does not send it again.
/// </summary>
public sealed class CrmCalls(DeliveryLog log, CrmClient client, TimeProvider time)
{
    /// <summary>The exponential policy with its default retried statuses (400).</summary>
    public static readonly TriggerRetry Policy = new() { Policy = "exponential" };

    /// <summary>
    /// Sends <paramref name="call"/> unless the log says it is done, dead or not due; <paramref name="build"/> makes
    /// the request (a <see cref="FormatException"/> or <see cref="InvalidDataException"/> from it is recorded as a
    /// request error, never retried) and <paramref name="beforeSend"/> runs just before sending (to renew the lease).
    /// A call sent now must be recorded with <see cref="RecordAsync"/>.
    /// </summary>
    public async Task<CrmCallResult> RunAsync(
        CrmSettings settings, CrmCall call, Func<CancellationToken, Task<CrmRequest>> build, Func<CancellationToken, Task> beforeSend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(beforeSend);
        var previous = await log.GetAsync(settings.Tenant, call.DeliveryId, cancellationToken).ConfigureAwait(false);
        switch (previous?.State)
        {
            case DeliveryState.Delivered:
                return new CrmCallResult { Status = CrmCallStatus.Done, Previous = previous };
            case DeliveryState.Failed:
                return new CrmCallResult { Status = CrmCallStatus.Dead, Previous = previous };
            case DeliveryState.Retrying when previous.NextRetryAt is { } at && at > time.GetUtcNow():
                return new CrmCallResult { Status = CrmCallStatus.Waiting, RetryAt = at, Previous = previous };
        }

        var attempt = (previous?.Attempts ?? 0) + 1;
        var attemptedAt = time.GetUtcNow();
        var firstAttemptAt = previous?.FirstAttemptAt ?? attemptedAt;
        CrmRequest? request = null;
        CrmResponse response;
        try
        {
            request = await build(cancellationToken).ConfigureAwait(false);
            await beforeSend(cancellationToken).ConfigureAwait(false);
            response = await client.SendAsync(settings, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException)
        {
            response = CrmResponse.Failure(AttemptError.Request, $"The request could not be built: {exception.Message}");
        }

        var outcome = response.Outcome;
        var decision = call.Find && outcome.Error == AttemptError.None && outcome.StatusCode == 404
            ? DeliveryDecision.Delivered
            : RetryPolicy.Decide(Policy, attempt, outcome, firstAttemptAt, time.GetUtcNow());
        return new CrmCallResult
        {
            Status = CrmCallStatus.Sent,
            Response = response,
            Previous = previous,
            Attempt = new DeliveryAttempted
            {
                DeliveryId = call.DeliveryId,
                Tenant = settings.Tenant,
                TriggerId = call.TriggerId,
                EventId = call.Cause.Id,
                Attempt = attempt,
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
            },
        };
    }

    /// <summary>
    /// Records the attempt of a call sent now; <paramref name="failure"/>, when given, turns an accepted call into a
    /// failed one (the CRM answered 2xx but not what the flow needs, e.g. no id).
    /// </summary>
    public async Task<DeliveryAttempted> RecordAsync(CrmCall call, CrmCallResult result, string? failure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(result);
        var attempt = result.Attempt ?? throw new InvalidOperationException("Only a call sent now has an attempt to record.");
        if (failure is not null)
        {
            attempt = attempt with { State = DeliveryState.Failed, NextRetryAt = null, ErrorMessage = failure };
        }

        var summary = new DeliveryRecord
        {
            DeliveryId = attempt.DeliveryId,
            Tenant = attempt.Tenant,
            TriggerId = attempt.TriggerId,
            EventId = attempt.EventId,
            EventType = call.Cause.Type,
            Source = call.Cause.Source,
            State = attempt.State,
            Attempts = attempt.Attempt,
            FirstAttemptAt = result.Previous?.FirstAttemptAt ?? attempt.AttemptedAt,
            LastAttemptAt = attempt.AttemptedAt,
            LastStatusCode = attempt.StatusCode,
            LastError = attempt.Error,
            LastErrorMessage = attempt.ErrorMessage,
            NextRetryAt = attempt.NextRetryAt,
        };
        await log.RecordAsync(attempt, summary, result.Previous, payload: null, cancellationToken).ConfigureAwait(false);
        return attempt;
    }
}
