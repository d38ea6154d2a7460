using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Switchboard.Events;
using Switchboard.Storage;

namespace Switchboard.Sessions;

/// <summary>
/// The session journal, table <c>SessionEvents</c>: every event of a call, chat or task, one row each, in partition
/// <see cref="SessionKey.PartitionKey"/> (<c>{tenant}|{channel}-{sessionId}</c>) under RowKey
/// <c>{occurredAt ticks:D19}-{eventId}</c>, so a range read returns the session in the order things happened. The
/// event's JSON goes in the row when it fits (<see cref="MaxInlineEventChars"/>), otherwise in blob
/// <c>{eventId}.json</c> of the payload container with the row pointing to it. A state row (RowKey
/// <c>session</c>) remembers when the session ended, so an event arriving after the end can be told late.
/// Appending is idempotent on the event id: a redelivered event finds its row and writes nothing.
/// </summary>
public sealed class SessionJournal(TableClient table, BlobContainerClient payloads)
{
    /// <summary>The table name.</summary>
    public const string TableName = "SessionEvents";

    /// <summary>The blob container for events too large to keep in the table.</summary>
    public const string DefaultPayloadContainer = "switchboard-session-events";

    /// <summary>Events up to this many characters of JSON are kept in the table (a string property holds 32 K UTF-16 characters).</summary>
    public const int MaxInlineEventChars = 30_000;

    private const string StateRowKey = "session";
    private const string EventProperty = "Event";
    private const string EventBlobProperty = "EventBlob";
    private const string EndedAtProperty = "EndedAt";

    /// <summary>The RowKey of <paramref name="canonical"/>: its occurrence time in UTC ticks, then its id.</summary>
    public static string RowKey(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return $"{canonical.OccurredAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{SessionKey.Escape(canonical.Id, string.Empty)}";
    }

    /// <summary>
    /// Journals <paramref name="canonical"/> in its session; null (and nothing written) when it belongs to no session.
    /// An ending event also records the end, in the same transaction. Storage failures throw
    /// <see cref="RequestFailedException"/>; an event already journaled is not one.
    /// </summary>
    public async Task<SessionJournaled?> AppendAsync(CanonicalEvent canonical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        if (SessionKey.For(canonical) is not { } session)
        {
            return null;
        }

        var row = await EntityAsync(session, canonical, cancellationToken).ConfigureAwait(false);
        if (canonical.Session!.Lifecycle == SessionLifecycle.Ended)
        {
            var state = new TableEntity(row.PartitionKey, StateRowKey)
            {
                [EndedAtProperty] = canonical.OccurredAt.ToUniversalTime(),
                ["EndEventId"] = canonical.Id,
            };
            try
            {
                await table.SubmitTransactionAsync(
                    [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.UpsertMerge, state)],
                    cancellationToken).ConfigureAwait(false);
                return Journaled(session, canonical, appended: true, canonical.OccurredAt.ToUniversalTime());
            }
            catch (TableTransactionFailedException exception) when (exception.IsAlreadyExists())
            {
                // The transaction is atomic: the row exists, so the end it recorded does too.
                return Journaled(session, canonical, appended: false, await EndedAtAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false));
            }
        }

        // Whether the session has ended decides if this event is late; ask while the row is written.
        var added = AddAsync(row, cancellationToken);
        var ended = EndedAtAsync(row.PartitionKey, cancellationToken);
        await Task.WhenAll(added, ended).ConfigureAwait(false);
        return Journaled(session, canonical, await added.ConfigureAwait(false), await ended.ConfigureAwait(false));
    }

    /// <summary>The session's events in the order they occurred (ties by event id); empty when none is journaled.</summary>
    public async Task<IReadOnlyList<CanonicalEvent>> ReadAsync(SessionKey session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var events = new List<CanonicalEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {session.PartitionKey}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == StateRowKey)
            {
                continue;
            }

            events.Add(await ReadEventAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    /// <summary>When the session ended as the journal records it, or null while it has not.</summary>
    public async Task<DateTimeOffset?> EndedAtAsync(SessionKey session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await EndedAtAsync(session.PartitionKey, cancellationToken).ConfigureAwait(false);
    }

    private static SessionJournaled Journaled(SessionKey session, CanonicalEvent canonical, bool appended, DateTimeOffset? endedAt) =>
        new() { Session = session, EventId = canonical.Id, Appended = appended, EndedAt = endedAt };

    private async Task<DateTimeOffset?> EndedAtAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var state = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, StateRowKey, [EndedAtProperty], cancellationToken).ConfigureAwait(false);
        return state.HasValue ? state.Value!.GetDateTimeOffset(EndedAtProperty) : null;
    }

    private async Task<bool> AddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            return false;
        }
    }

    private async Task<TableEntity> EntityAsync(SessionKey session, CanonicalEvent canonical, CancellationToken cancellationToken)
    {
        var row = new TableEntity(session.PartitionKey, RowKey(canonical))
        {
            ["EventId"] = canonical.Id,
            ["Type"] = canonical.Type,
            ["Source"] = canonical.Source,
            ["OccurredAt"] = canonical.OccurredAt.ToUniversalTime(),
        };
        var json = JsonSerializer.Serialize(canonical, EventJsonContext.Default.CanonicalEvent);
        if (json.Length <= MaxInlineEventChars)
        {
            row[EventProperty] = json;
            return row;
        }

        // Written before the row, so a row never points at a missing blob; a retry rewrites the same bytes.
        var name = Uri.EscapeDataString(canonical.Id) + ".json";
        await payloads.UploadJsonAsync(name, json, cancellationToken).ConfigureAwait(false);
        row[EventBlobProperty] = name;
        return row;
    }

    private async Task<CanonicalEvent> ReadEventAsync(TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetString(EventProperty) is { } json)
        {
            return Deserialize(json);
        }

        var name = row.GetString(EventBlobProperty)
            ?? throw new InvalidDataException($"Journal row {row.PartitionKey}/{row.RowKey} holds no event.");
        var download = await payloads.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(download.Value.Content.ToMemory().Span, EventJsonContext.Default.CanonicalEvent)
            ?? throw new InvalidDataException($"Journal blob {name} holds no event.");
    }

    private static CanonicalEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EventJsonContext.Default.CanonicalEvent)
        ?? throw new InvalidDataException("A journal row holds no event.");
}
