namespace Switchboard.Delivery;

/// <summary>
/// How credentials — trigger header values and URL credentials, CRM passwords, header values and OAuth secrets — are
/// shown by the API and in attempt records, and the rule for taking a masked value sent back as the stored one: only
/// while the request still goes to the origin (scheme, host and port) the secret was entrusted to.
/// </summary>
public static class SecretMask
{
    private const string Ellipsis = "…";

    /// <summary>The secret as shown to people: an ellipsis and, for secrets of 12 characters or more, the last four.</summary>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length < 12 ? Ellipsis : Ellipsis + secret[^4..];
    }

    /// <summary>True when <paramref name="incoming"/> is what <see cref="Mask"/> shows of <paramref name="stored"/>.</summary>
    public static bool IsMaskOf(string? incoming, string? stored) => incoming is not null && stored is not null && incoming == Mask(stored);

    /// <summary>
    /// <paramref name="url"/> with the password of its credentials masked (<c>https://user:…@host/</c>), or the whole
    /// user part when it has no password, since that is then usually a token; unchanged without credentials.
    /// </summary>
    public static string MaskUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Credentials(url) is not { } credentials ? url : url[..credentials.Start] + MaskCredentials(url[credentials]) + url[credentials.End..];
    }

    /// <summary>
    /// <paramref name="incoming"/> with its credentials replaced by those of <paramref name="stored"/> when they are
    /// what <see cref="MaskUrl"/> shows of them; <paramref name="kept"/> says whether that happened.
    /// </summary>
    public static string KeepUrlCredentials(string incoming, string? stored, out bool kept)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        kept = false;
        if (stored is null || Credentials(incoming) is not { } shown || Credentials(stored) is not { } original)
        {
            return incoming;
        }

        var storedCredentials = stored[original];
        if (incoming[shown] != MaskCredentials(storedCredentials))
        {
            return incoming;
        }

        kept = true;
        return incoming[..shown.Start] + storedCredentials + incoming[shown.End..];
    }

    /// <summary>
    /// The origin of <paramref name="url"/> — <c>scheme://host:port</c>, lower case, the port always spelled out —
    /// read from the text before its path, so templates in path and query do not matter; null when it has none.
    /// </summary>
    public static string? Origin(string? url)
    {
        if (url is null || Authority(url) is not { } authority)
        {
            return null;
        }

        var host = url[authority];
        var at = host.LastIndexOf('@');
        var text = url[..authority.Start] + host[(at + 1)..] + "/";
        return Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            ? parsed.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped).ToLowerInvariant()
            : text.ToLowerInvariant();
    }

    private static string MaskCredentials(string credentials)
    {
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? Mask(credentials) : credentials[..(colon + 1)] + Mask(credentials[(colon + 1)..]);
    }

    /// <summary>Where the <c>user:password</c> before '@' is in <paramref name="url"/>, or null when there is none.</summary>
    private static Range? Credentials(string url)
    {
        if (Authority(url) is not { } authority)
        {
            return null;
        }

        var at = url[authority].LastIndexOf('@');
        return at < 0 ? null : new Range(authority.Start, authority.Start.Value + at);
    }

    /// <summary>Where the authority (credentials, host and port) is in <paramref name="url"/>, or null when it has none.</summary>
    private static Range? Authority(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var start = separator + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return new Range(start, end < 0 ? url.Length : end);
    }
}
