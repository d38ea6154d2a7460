using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Email;

/// <summary>One MIME part of a received message (or the whole message when it is not multipart), its content decoded.</summary>
internal sealed partial record MailPart(IReadOnlyDictionary<string, string> Headers, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);

    public string? ContentType => Headers.GetValueOrDefault("Content-Type");

    public bool IsAttachment => Headers.GetValueOrDefault("Content-Disposition")?.StartsWith("attachment", StringComparison.OrdinalIgnoreCase) == true;

    public string? FileName => Parameter(Headers.GetValueOrDefault("Content-Disposition"), "filename") ?? Parameter(ContentType, "name");

    /// <summary>Splits raw MIME text into unfolded headers and the raw body.</summary>
    public static (Dictionary<string, string> Headers, string Body) Split(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        var body = end < 0 ? string.Empty : raw[(end + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    /// <summary>Decodes a body by its Content-Transfer-Encoding.</summary>
    public static byte[] Decode(string body, string? transferEncoding) => transferEncoding?.Trim().ToLowerInvariant() switch
    {
        "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
        "quoted-printable" => QuotedPrintable(body),
        _ => Encoding.UTF8.GetBytes(body.EndsWith("\r\n", StringComparison.Ordinal) ? body[..^2] : body),
    };

    /// <summary>A header value with RFC 2047 encoded words (=?utf-8?B?…?= and =?utf-8?Q?…?=) decoded.</summary>
    public static string DecodeWords(string value)
    {
        // Whitespace between two encoded words is not part of the text.
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            var charset = Encoding.GetEncoding(match.Groups["charset"].Value);
            var text = match.Groups["text"].Value;
            var bytes = string.Equals(match.Groups["encoding"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : QuotedPrintable(text.Replace('_', ' '));
            return charset.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        var unfolded = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        if (unfolded.EndsWith("\r\n", StringComparison.Ordinal))
        {
            unfolded = unfolded[..^2];
        }

        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return [.. bytes];
    }

    private static string? Parameter(string? header, string name)
    {
        if (header is null)
        {
            return null;
        }

        var match = Regex.Match(header, $@"(?:^|;)\s*{name}\s*=\s*(?:""(?<v>[^""]*)""|(?<v>[^;\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? DecodeWords(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
