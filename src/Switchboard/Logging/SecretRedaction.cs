using System.Text.RegularExpressions;

namespace Switchboard.Logging;

/// <summary>
/// Removes secrets that travel in URLs from text bound for logs: the ingest key platforms put in <c>?code=</c> (as
/// Azure Functions keys travel), which request logs would otherwise print with the rest of the URL.
/// </summary>
public static partial class SecretRedaction
{
    /// <summary>What a secret is replaced by.</summary>
    public const string Mask = "***";

    /// <summary>True when <paramref name="text"/> may hold a secret; cheap, so it can run on every log line.</summary>
    public static bool MayHoldSecret(string? text) => text is not null && text.Contains("code=", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="text"/> with the value of every <c>code</c> query parameter replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text) => MayHoldSecret(text) ? CodeValue().Replace(text, Mask) : text;

    // The value runs to the next parameter, fragment, whitespace or quote: wherever a URL in a log line ends.
    [GeneratedRegex(@"(?<=(?:[?&]|%3F|%26)code=)[^&#\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeValue();
}
