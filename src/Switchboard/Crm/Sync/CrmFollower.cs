using Microsoft.Extensions.Logging;
using Switchboard.Crm.Settings;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// Follows sessions for the generic CRM integration: an event that starts or ends a session, transfers it, or carries
/// a disposition or rating, and every finished export, schedule the session's CRM sync (<see cref="CrmWork"/>) at
/// once, so CRM calls never hold up the event's webhooks. Tenants without active CRM settings cost one cached lookup.
/// </summary>
public sealed partial class CrmFollower(CrmSettingsCatalog catalog, TimeProvider time, ILogger<CrmFollower> logger) : ISessionFollower
{
    /// <inheritdoc />
    public async Task OnSessionEventAsync(CanonicalEvent canonical, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (SessionKey.For(canonical) is not { } session || !CrmSessionSync.IsRelevant(canonical)
            || !CrmSessionSync.IsActive(await catalog.GetAsync(canonical.Tenant, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        LogScheduled(logger, session.PartitionKey, canonical.Type);
        await scheduler.ScheduleAsync(CrmWork.For(session, canonical.Id), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task OnSessionExportedAsync(SessionExported exported, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exported);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (exported.EventCount == 0 || !CrmSessionSync.IsActive(await catalog.GetAsync(exported.Tenant, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        var session = new SessionKey(exported.Tenant, exported.Channel, exported.SessionId);
        LogScheduled(logger, session.PartitionKey, "export");
        await scheduler.ScheduleAsync(CrmWork.For(session, "export"), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "CRM sync of session {Session} scheduled ({Reason})")]
    private static partial void LogScheduled(ILogger logger, string session, string reason);
}
