using System.Buffers;
using System.Globalization;
using System.Text;
using HandlebarsDotNet;

namespace Switchboard.Delivery;

/// <summary>
/// Escapes what a <c>{{ }}</c> expression writes for the place the template's output lands (Handlebars calls it for
/// every double-stash value; literal template text and triple-stash <c>{{{ }}}</c> values pass through unchanged).
/// </summary>
public sealed class TemplateEncoder(TemplateEscaping escaping) : ITextEncoder
{
    private static readonly SearchValues<char> JsonSpecials = SearchValues.Create("\"\\");
    private static readonly SearchValues<char> XmlSpecials = SearchValues.Create("&<>\"'");

    /// <summary>The escaping this encoder applies.</summary>
    public TemplateEscaping Escaping { get; } = escaping;

    /// <inheritdoc />
    public void Encode(StringBuilder? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is not null)
        {
            Encode(text.ToString(), target);
        }
    }

    /// <inheritdoc />
    public void Encode(string? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!string.IsNullOrEmpty(text))
        {
            target.Write(Escape(text, Escaping));
        }
    }

    /// <inheritdoc />
    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is null)
        {
            return;
        }

        var buffer = new StringBuilder();
        while (text.MoveNext())
        {
            buffer.Append(text.Current);
        }

        Encode(buffer.ToString(), target);
    }

    /// <summary><paramref name="text"/> escaped for <paramref name="escaping"/>.</summary>
    public static string Escape(string text, TemplateEscaping escaping)
    {
        ArgumentNullException.ThrowIfNull(text);
        return escaping switch
        {
            TemplateEscaping.Url => Uri.EscapeDataString(text),
            TemplateEscaping.Json => EscapeJson(text),
            TemplateEscaping.Xml => EscapeXml(text),
            _ => text,
        };
    }

    /// <summary>
    /// The inside of a JSON string: quote, backslash and control characters escaped, everything else (non-Latin
    /// text, emoji) kept as UTF-8, which JSON allows and receivers read back unchanged.
    /// </summary>
    public static string EscapeJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(JsonSpecials) && !HasControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                < ' ' or '\u2028' or '\u2029' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>XML character data and attribute values: the five predefined entities, and characters XML 1.0 forbids dropped.</summary>
    public static string EscapeXml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(XmlSpecials) && !HasControl(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&apos;"),
                '\t' or '\n' or '\r' => builder.Append(c),
                < ' ' or '\uFFFE' or '\uFFFF' => builder,
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static bool HasControl(string text) => text.Any(WireText.IsUnsafe);
}
