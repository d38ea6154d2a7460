using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Switchboard.Storage;

namespace Switchboard.Triggers;

/// <summary>
/// Triggers in table <c>Triggers</c>: PartitionKey tenant, RowKey id, the trigger as JSON in one
/// property, writes guarded by ETags.
/// </summary>
public sealed class TriggerStore(TableClient table, TimeProvider time)
{
    /// <summary>The table name.</summary>
    public const string TableName = "Triggers";

    private const string JsonProperty = "Json";

    /// <summary>The trigger, or null.</summary>
    public async Task<StoredTrigger?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenant, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? new StoredTrigger(Read(found.Value!), found.Value!.ETag.ToString("H")) : null;
    }

    /// <summary>
    /// Stores a new, validated trigger, stamping its creation time; throws <see cref="RequestFailedException"/> (409
    /// <c>EntityAlreadyExists</c>) when the id is taken.
    /// </summary>
    public async Task<StoredTrigger> CreateAsync(Trigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var now = time.GetUtcNow();
        var stamped = trigger with { CreatedAt = now, UpdatedAt = now };
        var added = await table.AddEntityAsync(Entity(stamped), cancellationToken).ConfigureAwait(false);
        return new StoredTrigger(stamped, added.Headers.ETag.GetValueOrDefault().ToString("H"));
    }

    /// <summary>
    /// Replaces a trigger when its ETag still is <paramref name="ifMatch"/> (null: whatever it is), keeping its
    /// creation time; throws <see cref="RequestFailedException"/> 412 when it changed, 404 when it is gone.
    /// </summary>
    public async Task<StoredTrigger> ReplaceAsync(Trigger trigger, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var current = await GetAsync(trigger.Tenant, trigger.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestFailedException(404, $"Trigger {trigger.Id} does not exist.", "ResourceNotFound", null);
        var condition = ifMatch is null ? new ETag(current.ETag) : new ETag(ifMatch);
        var stamped = trigger with { CreatedAt = current.Trigger.CreatedAt, UpdatedAt = time.GetUtcNow() };
        var updated = await table.UpdateEntityAsync(Entity(stamped), condition, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new StoredTrigger(stamped, updated.Headers.ETag.GetValueOrDefault().ToString("H"));
    }

    /// <summary>Turns a trigger on or off; null when it does not exist.</summary>
    public async Task<StoredTrigger?> SetEnabledAsync(string tenant, string id, bool enabled, CancellationToken cancellationToken = default)
    {
        // Read-modify-write under the read ETag: a concurrent edit wins, and this retries on top of it.
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            try
            {
                return await ReplaceAsync(current.Trigger with { Enabled = enabled }, current.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.IsPreconditionFailed() && attempt < 3)
            {
            }
        }
    }

    /// <summary>Deletes a trigger; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        // The SDK answers a delete of a missing entity with its 404 rather than an exception.
        var deleted = await table.DeleteEntityAsync(tenant, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    /// <summary>Deletes several triggers of one tenant; returns the ids that existed and were deleted.</summary>
    public async Task<IReadOnlyList<string>> DeleteManyAsync(string tenant, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var deleted = await Task.WhenAll(distinct.Select(id => DeleteAsync(tenant, id, cancellationToken))).ConfigureAwait(false);
        return [.. distinct.Where((_, i) => deleted[i])];
    }

    /// <summary>One page of a tenant's triggers, ordered by id.</summary>
    public async Task<TriggerPage> ListAsync(string tenant, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var page = await table.QueryPageAsync(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"), pageSize, continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new TriggerPage([.. page.Values.Select(Read)], page.ContinuationToken);
    }

    /// <summary>Every trigger of a tenant.</summary>
    public async Task<IReadOnlyList<Trigger>> LoadAllAsync(string tenant, CancellationToken cancellationToken = default)
    {
        var triggers = new List<Trigger>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            triggers.Add(Read(entity));
        }

        return triggers;
    }

    private static TableEntity Entity(Trigger trigger) => new(trigger.Tenant, trigger.Id)
    {
        [JsonProperty] = JsonSerializer.Serialize(trigger, TriggerJson.Options),
        ["Name"] = trigger.Name,
        ["Enabled"] = trigger.Enabled,
    };

    private static Trigger Read(TableEntity entity) =>
        JsonSerializer.Deserialize<Trigger>(entity.GetString(JsonProperty) ?? "{}", TriggerJson.Options)! with
        {
            Tenant = entity.PartitionKey,
            Id = entity.RowKey,
        };
}
