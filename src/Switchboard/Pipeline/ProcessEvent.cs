using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Triggers;

namespace Switchboard.Pipeline;

/// <summary>
/// The step behind the <see cref="QueueNames.Events"/> queue, in both hosts: journal the event when it belongs to a
/// session (scheduling the session's export once it has ended), tell the session followers, match it against its
/// tenant's triggers and make the first delivery attempt to each match at once, concurrently. Everything later —
/// retries, exports, CRM syncs, emails — goes to the <see cref="IPipelineScheduler"/> of the run: the portable host's
/// jobs queue, or the durable client of the Functions invocation that calls.
/// Safe to run twice for one event: the journal is keyed by event id, delivery ids derive from (event, trigger), and an
/// attempt already recorded is not sent again.
/// </summary>
public sealed partial class ProcessEvent(
    TriggerCatalog catalog,
    AttemptDelivery attempts,
    SessionTracker sessions,
    IEnumerable<ISessionFollower> followers,
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
            await scheduler.ScheduleAsync(due.ToJob().ToWork(), due.DueAt, cancellationToken).ConfigureAwait(false);
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
        return await Task.WhenAll(triggers.Select(trigger =>
            attempts.RunAsync(DeliveryJob.First(canonical, trigger.Id, now) with { NoPriorAttempt = firstReceipt }, trigger, scheduler, cancellationToken))).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({Source} {Type}, tenant {Tenant}): no trigger matched")]
    private static partial void LogNoTriggerMatched(ILogger logger, string eventId, string source, string type, string tenant);
}
