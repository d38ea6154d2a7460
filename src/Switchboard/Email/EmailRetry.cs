using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Email;

/// <summary>
/// When an outcome email is sent again: the linear policy of seed 001 (retry n waits n × 2 s, <see cref="RetryPolicy.Delay"/>)
/// for as many retries as <see cref="EmailOptions.Attempts"/> allows, on the outcomes SMTP calls transient
/// (<see cref="SmtpOutcome.Transient"/>). A pure function, like <see cref="RetryPolicy.Decide"/>.
/// </summary>
public static class EmailRetry
{
    /// <summary>
    /// What follows attempt <paramref name="attempt"/> (1 for the first) that ended in <paramref name="outcome"/> at
    /// <paramref name="now"/>, when <paramref name="retries"/> retries are allowed.
    /// </summary>
    public static DeliveryDecision Decide(int retries, int attempt, SmtpOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (outcome.Succeeded)
        {
            return DeliveryDecision.Delivered;
        }

        var policy = new TriggerRetry { Policy = "linear", Attempts = retries };
        return outcome.Transient && RetryPolicy.Delay(policy, attempt) is { } delay
            ? DeliveryDecision.Retry(now + delay)
            : DeliveryDecision.Failed;
    }
}
