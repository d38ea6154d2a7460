namespace Switchboard.Health;

/// <summary>One storage service in the health report.</summary>
/// <param name="Endpoint">The endpoint asked.</param>
/// <param name="Reachable">True when a signed request succeeded.</param>
/// <param name="Status">The HTTP status, when the service answered.</param>
/// <param name="Error">Why it is not reachable.</param>
public sealed record StorageServiceHealth(Uri Endpoint, bool Reachable, int? Status, string? Error);
