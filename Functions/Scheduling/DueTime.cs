using Microsoft.DurableTask;

namespace Switchboard.Functions.Scheduling;

/// <summary>How an orchestration waits for work to fall due.</summary>
public static class DueTime
{
    /// <summary>
    /// A durable timer to <paramref name="dueAt"/>, or nothing when it has passed: a timer for a past time would still
    /// cost a round trip through the task hub's queues. The time comes from the replay-safe orchestration clock.
    /// </summary>
    public static Task WaitAsync(TaskOrchestrationContext context, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fireAt = dueAt.UtcDateTime;
        return fireAt > context.CurrentUtcDateTime ? context.CreateTimer(fireAt, CancellationToken.None) : Task.CompletedTask;
    }
}
