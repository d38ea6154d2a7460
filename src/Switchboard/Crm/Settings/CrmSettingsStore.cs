using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Switchboard.Storage;

namespace Switchboard.Crm.Settings;

/// <summary>
/// CRM settings in table <c>CrmSettings</c>: PartitionKey the tenant, RowKey <c>crm</c>, the settings as JSON in one
/// property, writes guarded by ETags.
/// </summary>
public sealed class CrmSettingsStore(TableClient table, TimeProvider time)
{
    /// <summary>The table name.</summary>
    public const string TableName = "CrmSettings";

    private const string RowKey = "crm";
    private const string JsonProperty = "Json";

    /// <summary>The tenant's settings, or null when it has none.</summary>
    public async Task<StoredCrmSettings?> GetAsync(string tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenant, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? new StoredCrmSettings(Read(found.Value!), found.Value!.ETag.ToString("H")) : null;
    }

    /// <summary>
    /// Stores validated settings for their tenant, stamping <see cref="CrmSettings.UpdatedAt"/>. With
    /// <paramref name="ifMatch"/> the row must still have that ETag (else <see cref="RequestFailedException"/> 412, or 404
    /// when it is gone); without, the settings are created or replaced.
    /// </summary>
    public async Task<StoredCrmSettings> SaveAsync(CrmSettings settings, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var stamped = settings with { UpdatedAt = time.GetUtcNow() };
        var entity = new TableEntity(stamped.Tenant, RowKey) { [JsonProperty] = JsonSerializer.Serialize(stamped, CrmJson.Options) };
        var written = ifMatch is null
            ? await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
            : await table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new StoredCrmSettings(stamped, written.Headers.ETag.GetValueOrDefault().ToString("H"));
    }

    /// <summary>Deletes the tenant's settings; false when it had none.</summary>
    public async Task<bool> DeleteAsync(string tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var deleted = await table.DeleteEntityAsync(tenant, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    /// <summary>
    /// Replaces the OAuth refresh token <paramref name="used"/> with <paramref name="rotated"/>, the one the token
    /// endpoint returned instead; nothing happens when the stored token is no longer <paramref name="used"/> (an
    /// administrator or another instance changed it meanwhile).
    /// </summary>
    public async Task RotateRefreshTokenAsync(string tenant, string used, string rotated, CancellationToken cancellationToken = default)
    {
        // Read-modify-write under the read ETag: a concurrent change wins, and this retries on top of it.
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(tenant, cancellationToken).ConfigureAwait(false);
            if (current?.Settings.Auth.OAuth is not { } oauth || oauth.RefreshToken != used)
            {
                return;
            }

            var settings = current.Settings with { Auth = current.Settings.Auth with { OAuth = oauth with { RefreshToken = rotated } } };
            try
            {
                await SaveAsync(settings, current.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException exception) when (exception.IsPreconditionFailed() && attempt < 3)
            {
            }
        }
    }

    private static CrmSettings Read(TableEntity entity) =>
        JsonSerializer.Deserialize<CrmSettings>(entity.GetString(JsonProperty) ?? "{}", CrmJson.Options)
        ?? throw new InvalidDataException($"CRM settings of tenant {entity.PartitionKey} hold JSON null.");
}
