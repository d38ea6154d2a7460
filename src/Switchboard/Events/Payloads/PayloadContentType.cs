using System.Text;

namespace Switchboard.Events.Payloads;

/// <summary>
/// The body format and charset a Content-Type header announces. JSON is accepted as application/json,
/// text/json, any application/*+json, text/plain (what navigator.sendBeacon sends without a CORS preflight)
/// and a missing header; form bodies only where the source allows them.
/// </summary>
internal readonly record struct PayloadContentType(BodyFormat Format, Encoding? Transcode)
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>UTF-8 that throws on invalid bytes, for bodies read as text (forms) without a charset.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The body is read as-is when <see cref="Transcode"/> is null (UTF-8, or a charset UTF-8 contains); otherwise
    /// <see cref="Transcode"/> throws <see cref="DecoderFallbackException"/> on bytes that are not text in its charset,
    /// rather than turning them into U+FFFD unseen.
    /// </summary>
    public static PayloadContentType Parse(string? contentType, bool acceptsForm)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return new(BodyFormat.Json, null);
        }

        var header = contentType.AsSpan();
        var separator = header.IndexOf(';');
        var mediaType = (separator < 0 ? header : header[..separator]).Trim();
        BodyFormat format;
        if (IsJson(mediaType))
        {
            format = BodyFormat.Json;
        }
        else if (acceptsForm && mediaType.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            format = BodyFormat.Form;
        }
        else
        {
            throw Unsupported($"Content-Type '{contentType}' is not accepted; send application/json"
                + (acceptsForm ? " or " + FormMediaType : ""));
        }

        return new(format, separator < 0 ? null : Charset(header[(separator + 1)..], contentType));
    }

    private static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
            && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Encoding? Charset(ReadOnlySpan<char> parameters, string contentType)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            var equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = parameter[(equals + 1)..].Trim().Trim('"').ToString();
            if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
                || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                var encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
            {
                // NotSupportedException: .NET knows UTF-7 but refuses to decode it, as it is unsafe.
                throw Unsupported($"charset '{name}' in Content-Type '{contentType}' is not supported; send UTF-8");
            }
        }

        return null;
    }

    private static EventParseException Unsupported(string problem) =>
        new(EventParseProblem.UnsupportedContentType, "", problem);
}
