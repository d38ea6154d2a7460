using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Switchboard.Crm.Settings;

/// <summary>
/// Tenants' CRM settings through a per-tenant cache (<see cref="CrmOptions.SettingsCacheDuration"/>), so the
/// session followers do not read table <c>CrmSettings</c> for every event. Absent settings are cached too.
/// </summary>
public sealed class CrmSettingsCatalog(CrmSettingsStore store, TimeProvider time, IOptions<CrmOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The tenant's settings, or null when it has none. Storage failures throw.</summary>
    public async ValueTask<CrmSettings?> GetAsync(string tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var now = time.GetUtcNow();
        if (entries.TryGetValue(tenant, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Settings;
        }

        var stored = await store.GetAsync(tenant, cancellationToken).ConfigureAwait(false);
        entries[tenant] = new Entry(stored?.Settings, now + options.Value.SettingsCacheDuration);
        return stored?.Settings;
    }

    /// <summary>Forgets the tenant's cached settings, so the next read loads them from storage.</summary>
    public void Invalidate(string tenant) => entries.TryRemove(tenant, out _);

    private sealed record Entry(CrmSettings? Settings, DateTimeOffset ExpiresAt);
}
