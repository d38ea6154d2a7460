using Switchboard.Events;

namespace Switchboard.Pipeline;

/// <summary>
/// Work that follows a session beyond webhooks (CRM sync, the outcome email). Both calls may repeat for the same
/// event or export (queues deliver at least once), so followers must be idempotent; an exception makes the step
/// run again later. Work a follower leaves for later goes to the scheduler of the run that called it.
/// </summary>
public interface ISessionFollower
{
    /// <summary>Called for every event that belongs to a session, after it is journaled.</summary>
    Task OnSessionEventAsync(CanonicalEvent canonical, IPipelineScheduler scheduler, CancellationToken cancellationToken);

    /// <summary>Called after a session's archive was written (about Export:Delay after it ended).</summary>
    Task OnSessionExportedAsync(SessionExported exported, IPipelineScheduler scheduler, CancellationToken cancellationToken);
}
