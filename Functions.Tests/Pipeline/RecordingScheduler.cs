using System.Collections.Concurrent;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Pipeline;

/// <summary>
/// Records what the pipeline schedules, in the form the Functions app hands it to an orchestration, so a test can run the
/// orchestration's body itself.
/// </summary>
internal sealed class RecordingScheduler : IPipelineScheduler
{
    public ConcurrentQueue<ScheduledJob<DeliveryJob>> Deliveries { get; } = new();

    public ConcurrentQueue<ScheduledJob<ExportJob>> Exports { get; } = new();

    public ConcurrentQueue<ScheduledJob<PipelineWork>> Work { get; } = new();

    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Deliveries.Enqueue(new(job, at));
        return Task.CompletedTask;
    }

    public Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Exports.Enqueue(new(job, at));
        return Task.CompletedTask;
    }

    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Work.Enqueue(new(work, at));
        return Task.CompletedTask;
    }
}
