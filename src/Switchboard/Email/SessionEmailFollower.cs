using Switchboard.Events;
using Switchboard.Pipeline;

namespace Switchboard.Email;

/// <summary>Starts a session's outcome email once its archive is written (<see cref="SendSessionEmail.StartAsync"/>); events alone send nothing.</summary>
public sealed class SessionEmailFollower(SendSessionEmail email) : ISessionFollower
{
    /// <inheritdoc />
    public Task OnSessionEventAsync(CanonicalEvent canonical, IPipelineScheduler scheduler, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnSessionExportedAsync(SessionExported exported, IPipelineScheduler scheduler, CancellationToken cancellationToken) =>
        await email.StartAsync(exported, scheduler, cancellationToken).ConfigureAwait(false);
}
