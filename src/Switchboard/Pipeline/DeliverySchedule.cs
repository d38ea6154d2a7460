using Switchboard.Delivery;

namespace Switchboard.Pipeline;

/// <summary>
/// What follows a delivery attempt, the one decision every host schedules by: ProcessEvent after a first attempt, the
/// replay API after a replay's first attempt, the Functions app's Deliver orchestration after each attempt it makes.
/// </summary>
public static class DeliverySchedule
{
    /// <summary>
    /// The next attempt of <paramref name="job"/> and when it is due, or null when <paramref name="attempted"/> finished
    /// the delivery (delivered, or failed for good: a dead letter). The next attempt's number follows the attempt the log
    /// reports, so an attempt that turned out to be recorded already moves on past it.
    /// </summary>
    public static ScheduledJob<DeliveryJob>? Next(DeliveryJob job, DeliveryAttempted attempted)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(attempted);
        return attempted.State == DeliveryState.Retrying && attempted.NextRetryAt is { } at
            ? new ScheduledJob<DeliveryJob>(job with { Attempt = attempted.Attempt + 1, NoPriorAttempt = false }, at)
            : null;
    }
}
