using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Triggers;

namespace Switchboard.Pipeline;

/// <summary>
/// The step behind the <see cref="QueueNames.Events"/> queue, in both hosts: journal the event when it belongs to a
/// session (scheduling the session's export once it has ended), match it against its tenant's triggers and make the
/// first delivery attempt to each match at once, concurrently; retries are handed to the <see cref="IPipelineScheduler"/> of
/// the run — the portable host's jobs queue, or the durable client of the Functions invocation that calls.
/// Safe to run twice for one event: the journal is keyed by event id, delivery ids derive from (event, trigger), and an
/// attempt already recorded is not sent again.
/// </summary>
public sealed partial class ProcessEvent(
    TriggerCatalog catalog,
    AttemptDelivery attempts,
    SessionTracker sessions,
    ExportSession export,
    IEnumerable<ISessionFollower> followers,
    IEnumerable<IPipelineWorkHandler> workHandlers,
    TimeProvider time,
    ILogger<ProcessEvent> logger)
{
    /// <summary>
    /// Reads a queued event; throws <see cref="PoisonMessageException"/> when the text is not a canonical event,
    /// since retrying cannot repair it.
    /// </summary>
    public static CanonicalEvent Read(string json)
    {
        try
        {
            var canonical = JsonSerializer.Deserialize(json, EventJsonContext.Default.CanonicalEvent);
            return canonical ?? throw new PoisonMessageException("The message is JSON null, not an event.");
        }
        catch (JsonException exception)
        {
            throw new PoisonMessageException($"The message is not a canonical event: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Processes one event; the returned attempts are the first attempts made now. <paramref name="firstReceipt"/>
    /// (the queue message's dequeue count is 1) means no earlier run can have attempted a delivery, which saves a
    /// storage read per trigger.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryAttempted>> RunAsync(
        CanonicalEvent canonical, IPipelineScheduler scheduler, bool firstReceipt = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(scheduler);

        // Journaled first: a crash after this and before the deliveries redelivers the event, and both steps are idempotent.
        if (await sessions.TrackAsync(canonical, cancellationToken).ConfigureAwait(false) is { } due)
        {
            await scheduler.ScheduleExportAsync(due.ToJob(), due.DueAt, cancellationToken).ConfigureAwait(false);
        }

        if (canonical.Session is not null)
        {
            foreach (var follower in followers)
            {
                await follower.OnSessionEventAsync(canonical, scheduler, cancellationToken).ConfigureAwait(false);
            }
        }

        var triggers = (await catalog.GetAsync(canonical.Tenant, cancellationToken).ConfigureAwait(false)).Match(canonical);
        if (triggers.Count == 0)
        {
            LogNoTriggerMatched(logger, canonical.Id, canonical.Source, canonical.Type, canonical.Tenant);
            return [];
        }

        var now = time.GetUtcNow();
        return await Task.WhenAll(triggers.Select(async trigger =>
        {
            var job = DeliveryJob.First(canonical, trigger.Id, now) with { NoPriorAttempt = firstReceipt };
            var attempted = await attempts.RunAsync(job, trigger, cancellationToken).ConfigureAwait(false);
            await ScheduleNextAsync(job, attempted, scheduler, cancellationToken).ConfigureAwait(false);
            return attempted;
        })).ConfigureAwait(false);
    }

    /// <summary>Runs a scheduled delivery attempt and schedules the one after it when the policy says so.</summary>
    public async Task<DeliveryAttempted> RunDeliveryAsync(DeliveryJob job, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(scheduler);
        var attempted = await attempts.RunAsync(job, cancellationToken).ConfigureAwait(false);
        await ScheduleNextAsync(job, attempted, scheduler, cancellationToken).ConfigureAwait(false);
        return attempted;
    }

    /// <summary>Exports a session's archive, then tells the session followers (CRM, email) it is written.</summary>
    public async Task<SessionExported> RunExportAsync(ExportJob job, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(scheduler);
        var exported = await export.RunAsync(job, cancellationToken).ConfigureAwait(false);
        foreach (var follower in followers)
        {
            await follower.OnSessionExportedAsync(exported, scheduler, cancellationToken).ConfigureAwait(false);
        }

        return exported;
    }

    /// <summary>
    /// Runs a piece of scheduled work through the handler of its kind; throws <see cref="PoisonMessageException"/>
    /// when no handler knows the kind, since retrying cannot help.
    /// </summary>
    public async Task RunWorkAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(scheduler);
        var handler = workHandlers.FirstOrDefault(h => string.Equals(h.Kind, work.Kind, StringComparison.Ordinal))
            ?? throw new PoisonMessageException($"No handler runs work of kind '{work.Kind}'.");
        await handler.RunAsync(work, scheduler, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ScheduleNextAsync(DeliveryJob job, DeliveryAttempted attempted, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        // Only the attempt that was just made schedules its successor; a replayed, already recorded attempt
        // reports the successor's number and is scheduled again, which the next attempt's idempotency absorbs.
        if (DeliverySchedule.Next(job, attempted) is { } next)
        {
            await scheduler.ScheduleDeliveryAsync(next.Job, next.DueAt, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({Source} {Type}, tenant {Tenant}): no trigger matched")]
    private static partial void LogNoTriggerMatched(ILogger logger, string eventId, string source, string type, string tenant);
}
