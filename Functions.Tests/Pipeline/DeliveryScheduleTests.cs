using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Tests.Delivery;

namespace Switchboard.Tests.Pipeline;

public sealed class DeliveryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static DeliveryAttempted Attempted(DeliveryJob job, DeliveryState state, DateTimeOffset? retryAt = null, int? attempt = null) => new()
    {
        DeliveryId = job.DeliveryId,
        Tenant = job.Tenant,
        TriggerId = job.TriggerId,
        EventId = job.Event.Id,
        Attempt = attempt ?? job.Attempt,
        AttemptedAt = Now,
        State = state,
        NextRetryAt = retryAt,
    };

    [Theory]
    [InlineData(DeliveryState.Delivered)]
    [InlineData(DeliveryState.Failed)]
    public void A_delivered_or_failed_delivery_has_no_next_attempt(DeliveryState state)
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(), "crm", Now);

        Assert.Null(DeliverySchedule.Next(job, Attempted(job, state)));
    }

    [Fact]
    public void A_retrying_delivery_makes_the_next_attempt_at_the_retry_time()
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(), "crm", Now) with { NoPriorAttempt = true };

        var next = DeliverySchedule.Next(job, Attempted(job, DeliveryState.Retrying, Now.AddSeconds(2)));

        Assert.NotNull(next);
        Assert.Equal(job.Next() with { NoPriorAttempt = false }, next.Job);
        Assert.Equal(Now.AddSeconds(2), next.DueAt);
    }

    [Fact]
    public void An_attempt_the_log_had_recorded_further_moves_past_it()
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(), "crm", Now);

        var next = DeliverySchedule.Next(job, Attempted(job, DeliveryState.Retrying, Now.AddSeconds(6), attempt: 3));

        Assert.Equal(4, next!.Job.Attempt);
    }
}
