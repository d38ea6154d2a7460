namespace Switchboard.Pipeline;

/// <summary>
/// Runs a session's scheduled export (work of kind <see cref="ExportJob.WorkKind"/>), then tells the session followers
/// (CRM, email) the archive is written.
/// </summary>
public sealed class ExportWorkHandler(ExportSession export, IEnumerable<ISessionFollower> followers) : IPipelineWorkHandler
{
    /// <inheritdoc />
    public string Kind => ExportJob.WorkKind;

    /// <inheritdoc />
    public async Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        var exported = await export.RunAsync(ExportJob.FromWork(work), cancellationToken).ConfigureAwait(false);
        foreach (var follower in followers)
        {
            await follower.OnSessionExportedAsync(exported, scheduler, cancellationToken).ConfigureAwait(false);
        }
    }
}
