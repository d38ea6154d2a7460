namespace Switchboard.Pipeline;

/// <summary>
/// Where the pipeline leaves work for later — a delivery's next attempt, a session's export, a CRM sync, an outcome
/// email — in both hosts the same way: the portable host puts a delayed message on its jobs queue, the Functions app
/// starts a durable orchestration whose timer waits for the due time. Scheduling the same work twice must be harmless
/// (every kind of work is idempotent), so implementations need not deduplicate.
/// </summary>
public interface IPipelineScheduler
{
    /// <summary>Runs <paramref name="work"/> through the <see cref="IPipelineWorkHandler"/> of its kind at <paramref name="at"/> (a time already past means now).</summary>
    Task ScheduleAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken);
}
