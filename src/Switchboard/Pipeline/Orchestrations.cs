using Switchboard.Delivery;

namespace Switchboard.Pipeline;

/// <summary>
/// The bodies of the Functions app's orchestrations, written against <see cref="IOrchestrationTimer"/> and the activity
/// calls passed in, so the orchestrators are one call each and tests walk the very same sequence with a fake clock.
/// Deterministic as durable orchestrators must be: time only from the timer, no I/O but the activities.
/// </summary>
/// <remarks>
/// Awaits here keep <c>ConfigureAwait(true)</c>: in an orchestrator the continuation must run on the orchestration's
/// own scheduler, which <c>ConfigureAwait(false)</c> would leave.
/// </remarks>
public static class Orchestrations
{
    /// <summary>
    /// The Deliver orchestration: waits until <paramref name="first"/> is due, makes the attempt, and repeats at the time
    /// the retry policy sets (<see cref="DeliverySchedule.Next"/>) until the delivery is delivered or failed; returns the
    /// last attempt.
    /// </summary>
    public static async Task<DeliveryAttempted> DeliverAsync(
        ScheduledJob<DeliveryJob> first, IOrchestrationTimer timer, Func<DeliveryJob, Task<DeliveryAttempted>> attempt)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(attempt);
        var next = first;
        while (true)
        {
            await WhenDueAsync(next.DueAt, timer).ConfigureAwait(true);
            var attempted = await attempt(next.Job).ConfigureAwait(true);
            if (DeliverySchedule.Next(next.Job, attempted) is not { } following)
            {
                return attempted;
            }

            next = following;
        }
    }

    /// <summary>
    /// The ExportSession and Work orchestrations: waits until <paramref name="scheduled"/> is due (not at all when it is
    /// already), then runs it once.
    /// </summary>
    public static async Task RunWhenDueAsync<TJob>(ScheduledJob<TJob> scheduled, IOrchestrationTimer timer, Func<TJob, Task> run)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(run);
        await WhenDueAsync(scheduled.DueAt, timer).ConfigureAwait(true);
        await run(scheduled.Job).ConfigureAwait(true);
    }

    // A timer for a time already past would still cost a round trip through the task hub's queues.
    private static Task WhenDueAsync(DateTimeOffset dueAt, IOrchestrationTimer timer)
    {
        var fireAt = dueAt.UtcDateTime;
        return fireAt > timer.CurrentUtcDateTime ? timer.CreateTimer(fireAt) : Task.CompletedTask;
    }
}
