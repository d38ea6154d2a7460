namespace Switchboard.Delivery;

/// <summary>Configuration section <c>Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Delivery";

    /// <summary>The default of <see cref="ResponseExcerptBytes"/>: 4 KiB.</summary>
    public const int DefaultResponseExcerptBytes = 4096;

    /// <summary>
    /// Allows http URLs and deliveries to loopback, private, link-local and CGNAT addresses (default false; true in
    /// local development so receivers on 127.0.0.1 work). Never turn it on where triggers come from untrusted users.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How much of a response body is read and kept in the attempt log, in bytes (0–65,536; default 4 KiB).</summary>
    public int ResponseExcerptBytes { get; set; } = DefaultResponseExcerptBytes;

    /// <summary>How many same-origin redirects one attempt follows (0–10; default 3). Redirects to another scheme, host or port are never followed.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// The version in the <c>User-Agent: Switchboard/{version}</c> header; null (the default) uses the library's
    /// assembly version.
    /// </summary>
    public string? UserAgentVersion { get; set; }

    /// <summary>
    /// The blob container that holds dead-lettered events too large to keep in the <c>Deliveries</c> table
    /// (default <c>switchboard-deliveries</c>).
    /// </summary>
    public string PayloadContainer { get; set; } = "switchboard-deliveries";
}
