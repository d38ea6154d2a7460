namespace Switchboard.Pipeline;

/// <summary>Configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>Keys platforms present in <c>x-switchboard-key</c> or <c>?code=</c>.</summary>
    public IList<string> Keys { get; } = [];

    /// <summary>The largest request body accepted, in bytes (default 1 MiB).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The public base URL platforms reach Switchboard at (e.g. <c>https://relay.example.com</c>), used when
    /// telling users which URL to register; the request's own scheme and host when unset.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
