using System.Text.Json;
using Azure.Storage.Queues;
using Switchboard.Events;
using Switchboard.Storage;

namespace Switchboard.Pipeline;

/// <summary>
/// The ingest step both hosts run for <c>POST /api/events/{source}</c>: the source adapter turns the body into a
/// canonical event (throwing <see cref="EventParseException"/> for bad input, before anything is written), which is
/// queued on <see cref="QueueNames.Events"/> — through a claim-check blob when large — and only then accepted.
/// </summary>
public sealed class IngestEvent(QueueClient events, ClaimCheck claims, TimeProvider time)
{
    /// <summary>Parses and queues one event; the result is what the caller answers with 202.</summary>
    public async Task<EventAccepted> RunAsync(
        ISourceAdapter adapter, string tenant, ReadOnlyMemory<byte> body, string? contentType, string? typeHint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var context = SourceContext.Create(tenant, time.GetUtcNow()) with { TypeHint = typeHint };
        return await QueueAsync(adapter.Parse(body, contentType, context), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues an event that is canonical already: one Switchboard raises itself (a CRM record pop), which is then
    /// journaled and matched against triggers like a posted one. The result names the queued event.
    /// </summary>
    public async Task<EventAccepted> QueueAsync(CanonicalEvent canonical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var json = JsonSerializer.Serialize(canonical, EventJsonContext.Default.CanonicalEvent);
        var message = await claims.WrapAsync(json, canonical.Id, cancellationToken).ConfigureAwait(false);
        // Never expiring: an event accepted with 202 must not vanish because no worker ran for a week.
        await events.SendMessageAsync(message, timeToLive: QueueTimeToLive.Never, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new EventAccepted(canonical.Id, canonical.Source, canonical.Type);
    }
}
