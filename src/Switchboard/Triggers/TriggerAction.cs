using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>The outbound request a trigger sends.</summary>
public sealed record TriggerAction
{
    /// <summary>Absolute https URL (http only when private networks are allowed); may hold <c>{{ }}</c> templates.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>GET, POST, PUT, PATCH, DELETE, OPTIONS or HEAD (default POST).</summary>
    public string Method { get; init; } = "POST";

    /// <summary>json, form, xml or text (default json); text needs a <see cref="Body"/> template.</summary>
    public string Format { get; init; } = "json";

    /// <summary>Extra request headers; values may hold templates.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra query parameters; values may hold templates.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>A body template replacing the default envelope, or null.</summary>
    public string? Body { get; init; }

    /// <summary>Static key/value data sent as <c>customData</c> (the extra key/value payload of the post-call "Webhooks" document).</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomData { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Request timeout in seconds, 1–10 (default 10).</summary>
    public int TimeoutSeconds { get; init; } = TriggerDefaults.TimeoutSeconds;

    /// <summary>When and how often failed attempts are retried.</summary>
    public TriggerRetry Retry { get; init; } = new();

    /// <summary>Standard Webhooks signing secret, <c>whsec_</c> + base64; null sends no signature.</summary>
    public string? Secret { get; init; }

    /// <summary>Secrets being rotated out: each still signs, so receivers can switch over without a gap.</summary>
    public IReadOnlyList<string> PreviousSecrets { get; init; } = [];
}
