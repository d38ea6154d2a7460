namespace Switchboard.Storage;

/// <summary>What one request to a storage service showed.</summary>
/// <param name="Service">The service asked.</param>
/// <param name="Endpoint">Where it was asked.</param>
/// <param name="Reachable">True when the service answered a signed request with success.</param>
/// <param name="Status">The HTTP status it answered with, or null when nothing answered.</param>
/// <param name="Error">Why it is not reachable, or null.</param>
public sealed record StorageProbeResult(StorageService Service, Uri Endpoint, bool Reachable, int? Status, string? Error);
