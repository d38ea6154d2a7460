using Switchboard.Delivery;
using Switchboard.Email;

namespace Switchboard.Tests.Email;

/// <summary>The linear policy (the post-call "Webhooks" document's) over SMTP outcomes: n × 2 s before retry n, transient failures only.</summary>
public sealed class EmailRetryTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Retry_n_waits_n_times_2_seconds_until_the_retries_run_out()
    {
        var busy = SmtpOutcome.Refused(451, "try again", TimeSpan.Zero).ToAttemptOutcome();

        Assert.Equal(DeliveryDecision.Retry(Now.AddSeconds(2)), EmailRetry.Decide(3, 1, busy, Now));
        Assert.Equal(DeliveryDecision.Retry(Now.AddSeconds(4)), EmailRetry.Decide(3, 2, busy, Now));
        Assert.Equal(DeliveryDecision.Retry(Now.AddSeconds(6)), EmailRetry.Decide(3, 3, busy, Now));
        Assert.Equal(DeliveryDecision.Failed, EmailRetry.Decide(3, 4, busy, Now));
        Assert.Equal(DeliveryDecision.Failed, EmailRetry.Decide(0, 1, busy, Now));
    }

    [Theory]
    [InlineData(421)]
    [InlineData(450)]
    [InlineData(451)]
    [InlineData(452)]
    public void Transient_replies_are_retried(int code)
    {
        Assert.Equal(DeliveryState.Retrying, EmailRetry.Decide(3, 1, SmtpOutcome.Refused(code, "later", TimeSpan.Zero).ToAttemptOutcome(), Now).State);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(550)]
    [InlineData(554)]
    public void Permanent_replies_are_not_retried(int code)
    {
        Assert.Equal(DeliveryDecision.Failed, EmailRetry.Decide(3, 1, SmtpOutcome.Refused(code, "no", TimeSpan.Zero).ToAttemptOutcome(), Now));
    }

    [Fact]
    public void Connection_errors_and_timeouts_are_retried_but_an_unbuildable_message_is_not()
    {
        Assert.Equal(DeliveryState.Retrying, EmailRetry.Decide(3, 1, SmtpOutcome.Failure(AttemptError.Connection, "refused").ToAttemptOutcome(), Now).State);
        Assert.Equal(DeliveryState.Retrying, EmailRetry.Decide(3, 1, SmtpOutcome.Failure(AttemptError.Timeout, "slow").ToAttemptOutcome(), Now).State);
        Assert.Equal(DeliveryDecision.Failed, EmailRetry.Decide(3, 1, SmtpOutcome.Failure(AttemptError.Request, "metadata gone").ToAttemptOutcome(), Now));
    }

    [Fact]
    public void Accepted_is_delivered()
    {
        Assert.Equal(DeliveryDecision.Delivered, EmailRetry.Decide(3, 2, SmtpOutcome.Accepted(TimeSpan.FromMilliseconds(5)).ToAttemptOutcome(), Now));
    }
}
