using System.Collections.Concurrent;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Email;

/// <summary>A scheduler that keeps what it is given, so a test can check when work is due and run it itself.</summary>
internal sealed class RecordingScheduler : IPipelineScheduler
{
    public ConcurrentQueue<(PipelineWork Work, DateTimeOffset At)> Work { get; } = new();

    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Work.Enqueue((work, at));
        return Task.CompletedTask;
    }

    /// <summary>Takes the oldest scheduled work, failing when there is none.</summary>
    public (PipelineWork Work, DateTimeOffset At) Take() =>
        Work.TryDequeue(out var next) ? next : throw new InvalidOperationException("Nothing was scheduled.");
}
