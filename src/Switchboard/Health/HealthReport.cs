using Switchboard.Storage;

namespace Switchboard.Health;

/// <summary>The body of <c>GET /api/health</c>, the same in both hosts.</summary>
/// <param name="Status">"healthy" when every storage service answered, else "unhealthy".</param>
/// <param name="Storage">Each storage service by name (blob, queue, table).</param>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, StorageServiceHealth> Storage)
{
    /// <summary>The report for a set of probe results.</summary>
    public static HealthReport From(IReadOnlyList<StorageProbeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var storage = results.ToDictionary(
            r => r.Service.ToString().ToLowerInvariant(),
            r => new StorageServiceHealth(r.Endpoint, r.Reachable, r.Status, r.Error));
        return new HealthReport(results.All(r => r.Reachable) ? "healthy" : "unhealthy", storage);
    }
}
