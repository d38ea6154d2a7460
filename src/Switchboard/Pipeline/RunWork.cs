namespace Switchboard.Pipeline;

/// <summary>
/// The step behind every piece of scheduled work, in both hosts: the portable host's jobs queue and the Functions app's
/// orchestration activity hand the due <see cref="PipelineWork"/> here, and the handler of its kind runs it.
/// </summary>
public sealed class RunWork(IEnumerable<IPipelineWorkHandler> handlers)
{
    /// <summary>
    /// Runs <paramref name="work"/> through the handler of its kind; throws <see cref="PoisonMessageException"/> when no
    /// handler knows the kind, since retrying cannot help.
    /// </summary>
    public async Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(scheduler);
        var handler = handlers.FirstOrDefault(h => string.Equals(h.Kind, work.Kind, StringComparison.Ordinal))
            ?? throw new PoisonMessageException($"No handler runs work of kind '{work.Kind}'.");
        await handler.RunAsync(work, scheduler, cancellationToken).ConfigureAwait(false);
    }
}
