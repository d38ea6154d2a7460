namespace Switchboard.Pipeline;

/// <summary>Runs one kind of <see cref="PipelineWork"/> when it is due. Must be idempotent: work can run twice.</summary>
public interface IPipelineWorkHandler
{
    /// <summary>The kind this handler runs (<see cref="PipelineWork.Kind"/>: <c>delivery</c>, <c>export</c>, <c>crm-sync</c>, <c>session-email</c>).</summary>
    string Kind { get; }

    /// <summary>Runs the work; an exception makes it run again later. Work it leaves for later goes to <paramref name="scheduler"/>.</summary>
    Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken);
}
