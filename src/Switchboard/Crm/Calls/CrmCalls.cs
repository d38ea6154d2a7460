using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Makes a session's CRM calls through the <see cref="AttemptEngine"/> with the retries the Contact Center AI Platform's
/// custom CRM document prescribes — a 400 is retried, with exponential backoff (30 s doubling, capped at 6 h), for a
/// week from the first attempt, as are timeouts and connection errors; other errors are not. Each call is keyed by its
/// delivery id and numbered by the log, so a run that finds it done, dead or not yet due does not send it again; a dead
/// call keeps its session's sync as the work that replays it.
/// </summary>
public sealed class CrmCalls(AttemptEngine engine, CrmClient client, TimeProvider time)
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
        var turn = await engine.BeginAsync(Plan(settings, call), cancellationToken).ConfigureAwait(false);
        switch (turn.Status)
        {
            case AttemptTurnStatus.Recorded:
                return new CrmCallResult { Status = turn.Previous!.State == DeliveryState.Delivered ? CrmCallStatus.Done : CrmCallStatus.Dead, Turn = turn };
            case AttemptTurnStatus.Waiting:
                return new CrmCallResult { Status = CrmCallStatus.Waiting, Turn = turn, RetryAt = turn.Previous!.NextRetryAt };
        }

        var attemptedAt = time.GetUtcNow();
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

        var made = new AttemptMade
        {
            AttemptedAt = attemptedAt,
            Method = request?.Method.Method,
            Url = request is null ? null : SecretMask.MaskUrl(request.Url.GetLeftPart(UriPartial.Path)),
            Outcome = response.Outcome,
        };
        return new CrmCallResult
        {
            Status = CrmCallStatus.Sent,
            Turn = turn,
            Response = response,
            Made = made,
            Decision = turn.Plan.Policy(turn.Attempt, made.Outcome, turn.FirstAttemptAt, time.GetUtcNow()),
        };
    }

    /// <summary>
    /// Records the attempt of a call sent now; <paramref name="failure"/>, when given, turns an accepted call into a
    /// failed one (the CRM answered 2xx but not what the flow needs, e.g. no id).
    /// </summary>
    public Task<DeliveryAttempted> RecordAsync(CrmCallResult result, string? failure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var made = result.Made ?? throw new InvalidOperationException("Only a call sent now has an attempt to record.");
        return failure is null
            ? engine.RecordAsync(result.Turn, made, result.Decision, cancellationToken)
            : engine.RecordAsync(result.Turn, made with { Outcome = made.Outcome with { ErrorMessage = failure } }, DeliveryDecision.Failed, cancellationToken);
    }

    private AttemptPlan Plan(CrmSettings settings, CrmCall call) => new()
    {
        DeliveryId = call.DeliveryId,
        Tenant = settings.Tenant,
        Kind = AttemptKind.Crm,
        Target = call.Operation,
        EventId = call.Cause.Id,
        EventType = call.Cause.Type,
        Source = call.Cause.Source,
        FirstAttemptAt = time.GetUtcNow(),
        Policy = (attempt, outcome, first, now) => call.Find && outcome.Error == AttemptError.None && outcome.StatusCode == 404
            ? DeliveryDecision.Delivered
            : RetryPolicy.Decide(Policy, attempt, outcome, first, now),
        Work = _ => CrmWork.For(call.Session, "replay"),
    };
}
