using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Email;

/// <summary>
/// When an outcome email is sent again: the linear timing the cloud PBX's post-call webhooks document (retry n waits
/// n × 2 s, <see cref="RetryPolicy.Delay"/>) for as many retries as
/// <see cref="EmailOptions.Attempts"/> allows, on the outcomes SMTP calls transient — no connection, a timeout, or a
/// 4xx reply. A pure function, like <see cref="RetryPolicy.Decide"/>.
/// </summary>
public static class EmailRetry
{
    /// <summary>
    /// What follows attempt <paramref name="attempt"/> (1 for the first) that ended in <paramref name="outcome"/> (an
    /// <see cref="SmtpOutcome.ToAttemptOutcome"/>) at <paramref name="now"/>, when <paramref name="retries"/> retries are allowed.
    /// </summary>
    public static DeliveryDecision Decide(int retries, int attempt, AttemptOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (outcome.Succeeded)
        {
            return DeliveryDecision.Delivered;
        }

        var policy = new TriggerRetry { Policy = "linear", Attempts = retries };
        return IsTransient(outcome) && RetryPolicy.Delay(policy, attempt) is { } delay
            ? DeliveryDecision.Retry(now + delay)
            : DeliveryDecision.Failed;
    }

    /// <summary>True for outcomes a later attempt may turn around: no connection, a timeout, or a 4xx (transient) reply.</summary>
    public static bool IsTransient(AttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Error is AttemptError.Connection or AttemptError.Timeout
            || (outcome.Error == AttemptError.None && outcome.StatusCode is >= 400 and < 500);
    }
}
