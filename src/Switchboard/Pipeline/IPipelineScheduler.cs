namespace Switchboard.Pipeline;

/// <summary>
/// Where the pipeline leaves work for later: the portable host puts delayed messages on its jobs queue, the
/// Functions app starts durable orchestrations with timers. Scheduling the same work twice must be harmless
/// (the steps are idempotent), so implementations need not deduplicate.
/// </summary>
public interface IPipelineScheduler
{
    /// <summary>Runs <paramref name="job"/> (the next attempt of a delivery) at <paramref name="at"/>.</summary>
    Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Runs the export of a session at <paramref name="at"/> (its end plus Export:Delay).</summary>
    Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> through its <see cref="IPipelineWorkHandler"/> at <paramref name="at"/>.</summary>
    Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken);
}
