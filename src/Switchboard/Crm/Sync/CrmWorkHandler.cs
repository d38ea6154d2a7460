using Switchboard.Pipeline;

namespace Switchboard.Crm.Sync;

/// <summary>Runs scheduled <see cref="CrmWork"/>: the CRM sync of the session it names.</summary>
public sealed class CrmWorkHandler(CrmSessionSync sync) : IPipelineWorkHandler
{
    /// <inheritdoc />
    public string Kind => CrmWork.Kind;

    /// <inheritdoc />
    public Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken) =>
        sync.RunAsync(CrmWork.Session(work), scheduler, cancellationToken);
}
