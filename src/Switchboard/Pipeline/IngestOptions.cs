namespace Switchboard.Pipeline;

/// <summary>Configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>Keys platforms present in <c>x-switchboard-key</c> or <c>?code=</c>.</summary>
    public IList<string> Keys { get; } = [];

    /// <summary>The largest request body accepted, in bytes (default 1 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long ingest waits for storage to take an event (default 1 s) before it answers 503 with Retry-After:
    /// a platform retries a quick 503, while a request that hangs holds its connection and may time out on its side.
    /// </summary>
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Retry-After a 503 carries when storage is unreachable (default 5 s).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The public base URL platforms reach Switchboard at (e.g. <c>https://relay.example.com</c>), used when
    /// telling users which URL to register; the request's own scheme and host when unset.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
