using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Crm.Sync;

/// <summary>
/// The CRM state of sessions, table <c>CrmSessions</c>: one row per session (PartitionKey
/// <see cref="SessionKey.PartitionKey"/>, RowKey <c>crm</c>) with the account and record ids and a lease
/// (<c>LeaseOwner</c>, <c>LeaseUntil</c>) that lets one run at a time work on the session. Every write is guarded by
/// the row's ETag, so a run that lost its lease learns it on its next write (<see cref="CrmLeaseLostException"/>).
/// </summary>
public sealed class CrmSessionStore(TableClient table, TimeProvider time)
{
    /// <summary>The table name.</summary>
    public const string TableName = "CrmSessions";

    private const string RowKey = "crm";

    /// <summary>The session's state, or null when no run has worked on it.</summary>
    public async Task<CrmSessionState?> GetAsync(SessionKey session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(session.PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? Read(found.Value!) : null;
    }

    /// <summary>
    /// Takes the session's lease for <paramref name="duration"/>: the lease, or null and the time the current holder's
    /// lease runs out.
    /// </summary>
    public async Task<(CrmSessionLease? Lease, DateTimeOffset BusyUntil)> AcquireAsync(SessionKey session, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var owner = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var response = await table.GetEntityIfExistsAsync<TableEntity>(session.PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var entity = response.HasValue ? response.Value : null;
        var state = entity is null ? new CrmSessionState() : Read(entity);
        if (entity?.GetDateTimeOffset("LeaseUntil") is { } until && until > now)
        {
            return (null, until);
        }

        var row = Entity(session, state, owner, now + duration);
        try
        {
            var written = entity is null
                ? await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(row, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return (new CrmSessionLease(session, owner, written.Headers.ETag.GetValueOrDefault(), state), default);
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists() || exception.IsPreconditionFailed())
        {
            // Another run took it between the read and the write; it holds it for a full lease from about now.
            return (null, now + duration);
        }
    }

    /// <summary>
    /// Writes <see cref="CrmSessionLease.State"/> and extends the lease by <paramref name="duration"/> from now; throws
    /// <see cref="CrmLeaseLostException"/> when another run has taken the session over.
    /// </summary>
    public async Task SaveAsync(CrmSessionLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            var updated = await table.UpdateEntityAsync(
                Entity(lease.Session, lease.State, lease.Owner, time.GetUtcNow() + duration), lease.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            lease.ETag = updated.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            throw new CrmLeaseLostException($"The CRM lease of session {lease.Session.PartitionKey} was taken over by another run.", exception);
        }
    }

    /// <summary>Writes the state and gives the lease up, so the next run need not wait; false when another run had taken it over.</summary>
    public async Task<bool> ReleaseAsync(CrmSessionLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await table.UpdateEntityAsync(Entity(lease.Session, lease.State, null, null), lease.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            return false;
        }
    }

    private static TableEntity Entity(SessionKey session, CrmSessionState state, string? owner, DateTimeOffset? until)
    {
        var entity = new TableEntity(session.PartitionKey, RowKey)
        {
            ["AccountId"] = state.AccountId,
            ["AccountIdIsNumber"] = state.AccountIdIsNumber,
            ["RecordId"] = state.RecordId,
            ["RecordIdIsNumber"] = state.RecordIdIsNumber,
            ["PoppedRecordId"] = state.PoppedRecordId,
            ["Attachments"] = JsonSerializer.Serialize(state.Attachments),
            ["LeaseOwner"] = owner,
            ["LeaseUntil"] = until,
        };
        return entity;
    }

    private static CrmSessionState Read(TableEntity entity) => new()
    {
        AccountId = entity.GetString("AccountId"),
        AccountIdIsNumber = entity.GetBoolean("AccountIdIsNumber") ?? false,
        RecordId = entity.GetString("RecordId"),
        RecordIdIsNumber = entity.GetBoolean("RecordIdIsNumber") ?? false,
        PoppedRecordId = entity.GetString("PoppedRecordId"),
        Attachments = entity.GetString("Attachments") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : [],
    };
}
