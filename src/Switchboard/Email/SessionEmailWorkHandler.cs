using Switchboard.Pipeline;

namespace Switchboard.Email;

/// <summary>Runs the retries of outcome emails: work of kind <see cref="SessionEmailJob.WorkKind"/>.</summary>
public sealed class SessionEmailWorkHandler(SendSessionEmail email) : IPipelineWorkHandler
{
    /// <inheritdoc />
    public string Kind => SessionEmailJob.WorkKind;

    /// <inheritdoc />
    public async Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken) =>
        await email.RunAsync(SessionEmailJob.FromWork(work), scheduler, cancellationToken).ConfigureAwait(false);
}
