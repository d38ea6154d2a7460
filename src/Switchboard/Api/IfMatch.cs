namespace Switchboard.Api;

/// <summary>
/// An <c>If-Match</c> header (RFC 9110, section 13.1.1), read before anything is stored: <c>*</c>, or a comma-separated
/// list of entity tags (<c>"x"</c>, <c>W/"x"</c>) of visible ASCII. The handler compares it with the ETag it read
/// itself and hands storage only that ETag, so no header text ever reaches a storage call.
/// </summary>
public sealed class IfMatch
{
    /// <summary>What a valid header looks like, as a problem's message.</summary>
    public const string Rule = "must be * or a list of quoted entity tags, as the ETag header gives them";

    private readonly bool any;
    private readonly List<string> opaqueTags;

    private IfMatch(bool any, List<string> opaqueTags)
    {
        this.any = any;
        this.opaqueTags = opaqueTags;
    }

    /// <summary>
    /// Reads the header: true with null when it is absent or empty (no condition), true with the condition when it is
    /// well formed, false when it is not (answer 400 naming <c>If-Match</c>).
    /// </summary>
    public static bool TryParse(string? header, out IfMatch? condition)
    {
        condition = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        if (header.Trim() == "*")
        {
            condition = new IfMatch(any: true, []);
            return true;
        }

        var tags = new List<string>();
        var at = SkipSpace(header, 0);
        while (at < header.Length)
        {
            if (header[at] == ',')
            {
                at = SkipSpace(header, at + 1);
                continue;
            }

            if (string.CompareOrdinal(header, at, "W/", 0, 2) == 0)
            {
                at += 2;
            }

            var close = at < header.Length && header[at] == '"' ? header.IndexOf('"', at + 1) : -1;
            if (close < 0)
            {
                return false;
            }

            var opaque = header[(at + 1)..close];
            if (opaque.Any(c => c is < '!' or > '~'))
            {
                return false;
            }

            tags.Add(opaque);
            at = SkipSpace(header, close + 1);
            if (at < header.Length && header[at] != ',')
            {
                return false;
            }
        }

        condition = new IfMatch(any: false, tags);
        return tags.Count > 0;
    }

    /// <summary>
    /// True when the resource exists with <paramref name="currentETag"/> and the header names it (or is <c>*</c>).
    /// Storage ETags are weak (<c>W/"…"</c>), so tags compare by their opaque part.
    /// </summary>
    public bool Matches(string? currentETag)
    {
        if (currentETag is null)
        {
            return false;
        }

        if (any)
        {
            return true;
        }

        var current = currentETag.StartsWith("W/", StringComparison.Ordinal) ? currentETag[2..] : currentETag;
        return opaqueTags.Any(tag => string.Equals($"\"{tag}\"", current, StringComparison.Ordinal));
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }
}
