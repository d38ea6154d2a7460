using System.Buffers;
using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Delivery;

/// <summary>
/// The last check on text before it goes out in a header line or a URL — webhook and CRM requests, lookup URLs, mail
/// headers — whatever template, variable, setting or server response it came from. A line-breaking or other control
/// character (C0, DEL, C1 including U+0085 NEL, and U+2028/U+2029) would let a value end its header and start
/// another, or a second request on the same connection. Header values get each run of such characters replaced by
/// one space, so the value stays one readable line and the words on either side stay apart (dropping them would join
/// <c>a\r\nb</c> into <c>ab</c>); URLs get them percent-encoded as UTF-8, which keeps the value intact for the receiver.
/// </summary>
public static class WireText
{
    private static readonly SearchValues<char> LineSeparators = SearchValues.Create("\u2028\u2029");

    /// <summary>True when <paramref name="c"/> may not appear on the wire as it is.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || LineSeparators.Contains(c);

    /// <summary><paramref name="value"/> as a header value: each run of unsafe characters replaced by one space.</summary>
    public static string Header(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!ContainsUnsafe(value))
        {
            return value;
        }

        var line = new StringBuilder(value.Length);
        var previousUnsafe = false;
        foreach (var c in value)
        {
            var isUnsafe = IsUnsafe(c);
            if (!isUnsafe)
            {
                line.Append(c);
            }
            else if (!previousUnsafe)
            {
                line.Append(' ');
            }

            previousUnsafe = isUnsafe;
        }

        return line.ToString();
    }

    /// <summary><paramref name="url"/> with every unsafe character percent-encoded as UTF-8; everything else unchanged.</summary>
    public static string UrlText(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!ContainsUnsafe(url))
        {
            return url;
        }

        var encoded = new StringBuilder(url.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var c in url)
        {
            if (!IsUnsafe(c))
            {
                encoded.Append(c);
                continue;
            }

            var length = Encoding.UTF8.GetBytes([c], bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>
    /// <paramref name="url"/>, made safe by <see cref="UrlText"/>, as an absolute URL; throws
    /// <see cref="UriFormatException"/> when it is not one.
    /// </summary>
    public static Uri Url(string url) => new(UrlText(url), UriKind.Absolute);

    /// <summary>
    /// Adds a header to <paramref name="headers"/> (a request's or its content's) with its value made safe by
    /// <see cref="Header"/>; false when the name is not a valid header name or does not belong in those headers.
    /// </summary>
    public static bool AddHeader(HttpHeaders headers, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(name);
        return headers.TryAddWithoutValidation(name, Header(value));
    }

    private static bool ContainsUnsafe(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }
}
