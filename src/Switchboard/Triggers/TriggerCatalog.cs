using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Triggers;

/// <summary>
/// A tenant's triggers, read through a per-tenant cache with absolute expiry
/// (<see cref="TriggerOptions.CacheDuration"/>, 10 minutes by default) and compiled once per load.
/// Writes through this instance call <see cref="Invalidate"/>, so they show at once here; other instances
/// see them when their copy expires. While storage cannot be read, an expired copy keeps being served
/// (with a warning) rather than dropping events.
/// </summary>
public sealed partial class TriggerCatalog(TriggerStore store, TimeProvider time, IOptions<TriggerOptions> options, ILogger<TriggerCatalog> logger)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> loads = new(StringComparer.Ordinal);

    /// <summary>
    /// The tenant's compiled triggers. Throws the storage failure only when there is no copy at all to serve.
    /// </summary>
    public async ValueTask<TriggerSet> GetAsync(string tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (entries.TryGetValue(tenant, out var entry) && time.GetUtcNow() < entry.ExpiresAt)
        {
            return entry.Set;
        }

        var gate = loads.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have loaded it while this one waited.
            if (entries.TryGetValue(tenant, out entry) && time.GetUtcNow() < entry.ExpiresAt)
            {
                return entry.Set;
            }

            try
            {
                var triggers = await store.LoadAllAsync(tenant, cancellationToken).ConfigureAwait(false);
                var loaded = new Entry(TriggerSet.Compile(triggers), time.GetUtcNow() + options.Value.CacheDuration);
                entries[tenant] = loaded;
                return loaded.Set;
            }
            catch (Exception exception) when (entry is not null && !cancellationToken.IsCancellationRequested)
            {
                LogServingStale(logger, exception, tenant, options.Value.OutageRetryInterval);
                entries[tenant] = entry with { ExpiresAt = time.GetUtcNow() + options.Value.OutageRetryInterval };
                return entry.Set;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the tenant's cached triggers, so the next read loads them from storage.</summary>
    public void Invalidate(string tenant) => entries.TryRemove(tenant, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Triggers of tenant {Tenant} could not be read; serving the cached copy and trying again in {RetryIn}")]
    private static partial void LogServingStale(ILogger logger, Exception exception, string tenant, TimeSpan retryIn);

    private sealed record Entry(TriggerSet Set, DateTimeOffset ExpiresAt);
}
