namespace Switchboard.Host.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
/// <param name="Status">"healthy" when every storage service answered, else "unhealthy".</param>
/// <param name="Storage">Each storage service by name (blob, queue, table).</param>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, StorageServiceHealth> Storage);
