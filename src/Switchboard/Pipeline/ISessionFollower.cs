using Switchboard.Events;

namespace Switchboard.Pipeline;

/// <summary>
/// Work that follows a session beyond webhooks (CRM sync, the outcome email). Both calls may repeat for the same
/// event or export (queues deliver at least once), so followers must be idempotent; an exception makes the step
/// run again later.
/// </summary>
public interface ISessionFollower
{
    /// <summary>Called for every event that belongs to a session, after it is journaled.</summary>
    Task OnSessionEventAsync(CanonicalEvent canonical, CancellationToken cancellationToken);

    /// <summary>Called after a session's archive was written (about Export:Delay after it ended).</summary>
    Task OnSessionExportedAsync(SessionExported exported, CancellationToken cancellationToken);
}
