using System.Collections.Concurrent;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Pipeline;

/// <summary>
/// The tests' one <see cref="IPipelineScheduler"/>: it records every piece of work with its due time, and runs what is
/// due by a clock through <see cref="RunWork"/>, as the jobs queue or a durable timer would.
/// </summary>
internal sealed class RecordingScheduler : IPipelineScheduler
{
    /// <summary>Everything scheduled and not yet taken or run, in order.</summary>
    public ConcurrentQueue<(PipelineWork Work, DateTimeOffset At)> Work { get; } = new();

    /// <summary>The scheduled delivery attempts.</summary>
    public IReadOnlyList<(DeliveryJob Job, DateTimeOffset At)> Deliveries =>
        [.. Work.Where(w => w.Work.Kind == DeliveryJob.WorkKind).Select(w => (DeliveryJob.FromWork(w.Work), w.At))];

    /// <summary>The scheduled exports.</summary>
    public IReadOnlyList<(ExportJob Job, DateTimeOffset At)> Exports =>
        [.. Work.Where(w => w.Work.Kind == ExportJob.WorkKind).Select(w => (ExportJob.FromWork(w.Work), w.At))];

    public Task ScheduleAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Work.Enqueue((work, at));
        return Task.CompletedTask;
    }

    /// <summary>Takes the oldest scheduled work.</summary>
    public (PipelineWork Work, DateTimeOffset At) Take() =>
        Work.TryDequeue(out var next) ? next : throw new InvalidOperationException("Nothing was scheduled.");

    /// <summary>When the earliest work of one of <paramref name="kinds"/> (any kind when none is given) is due; null when none is scheduled.</summary>
    public DateTimeOffset? NextDue(params string[] kinds)
    {
        var due = Work.Where(w => kinds.Length == 0 || kinds.Contains(w.Work.Kind)).Select(w => (DateTimeOffset?)w.At);
        return due.Min();
    }

    /// <summary>
    /// Runs the work of <paramref name="kinds"/> (any kind when none is given) that is due by <paramref name="time"/>,
    /// and the work that running it schedules and is due too, until none is left; returns how many ran.
    /// </summary>
    public async Task<int> RunDueAsync(RunWork run, TimeProvider time, params string[] kinds)
    {
        var ran = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = new List<PipelineWork>();
            var pending = new List<(PipelineWork Work, DateTimeOffset At)>();
            while (Work.TryDequeue(out var item))
            {
                if (item.At <= now && (kinds.Length == 0 || kinds.Contains(item.Work.Kind)))
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
                Work.Enqueue(item);
            }

            if (due.Count == 0)
            {
                return ran;
            }

            foreach (var item in due)
            {
                await run.RunAsync(item, this);
                ran++;
            }
        }
    }
}
