using System.Collections.Concurrent;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Crm;

/// <summary>The pipeline's timer for tests: remembers what was scheduled for when, and runs what is due on the test's clock.</summary>
internal sealed class TestScheduler(TimeProvider time) : IPipelineScheduler
{
    private readonly ConcurrentQueue<(PipelineWork Work, DateTimeOffset At)> work = new();

    public ConcurrentQueue<(ExportJob Job, DateTimeOffset At)> Exports { get; } = new();

    public ConcurrentQueue<(DeliveryJob Job, DateTimeOffset At)> Deliveries { get; } = new();

    /// <summary>Every piece of work scheduled so far, run or not.</summary>
    public ConcurrentQueue<(PipelineWork Work, DateTimeOffset At)> Scheduled { get; } = new();

    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Deliveries.Enqueue((job, at));
        return Task.CompletedTask;
    }

    public Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Exports.Enqueue((job, at));
        return Task.CompletedTask;
    }

    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        this.work.Enqueue((work, at));
        Scheduled.Enqueue((work, at));
        return Task.CompletedTask;
    }

    /// <summary>The earliest time pending work is due, or null when none is pending.</summary>
    public DateTimeOffset? NextDue => work.IsEmpty ? null : work.Min(w => w.At);

    /// <summary>Runs pending work that is due by the clock, including work that work schedules, until none is due; returns how many ran.</summary>
    public async Task<int> RunDueAsync(ProcessEvent process)
    {
        var ran = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var pending = new List<(PipelineWork Work, DateTimeOffset At)>();
            var due = new List<PipelineWork>();
            while (work.TryDequeue(out var item))
            {
                if (item.At <= now)
                {
                    due.Add(item.Work);
                }
                else
                {
                    pending.Add(item);
                }
            }

            foreach (var item in pending)
            {
                work.Enqueue(item);
            }

            if (due.Count == 0)
            {
                return ran;
            }

            foreach (var item in due)
            {
                await process.RunWorkAsync(item, this);
                ran++;
            }
        }
    }
}
