using Switchboard.Pipeline;

namespace Switchboard.Email;

/// <summary>Runs the attempts of outcome emails: work of kind <see cref="SessionEmailJob.WorkKind"/>.</summary>
public sealed class SessionEmailWorkHandler(SendSessionEmail email) : IPipelineWorkHandler
{
    /// <inheritdoc />
    public string Kind => SessionEmailJob.WorkKind;

    /// <inheritdoc />
    public Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken) =>
        email.RunAsync(SessionEmailJob.FromWork(work), scheduler, cancellationToken);
}
