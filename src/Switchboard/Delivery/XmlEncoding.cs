using System.Text;
using System.Text.Json;
using System.Xml;

namespace Switchboard.Delivery;

/// <summary>
/// JSON payloads as XML: an element per field named after it (names XML does not allow are encoded with
/// <see cref="XmlConvert.EncodeLocalName"/>), arrays as repeated <c>&lt;item&gt;</c> children, null as an empty
/// element, under a <c>&lt;webhook&gt;</c> root.
/// </summary>
public static class XmlEncoding
{
    /// <summary>The root element's name.</summary>
    public const string RootName = "webhook";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
        CheckCharacters = false,
    };

    /// <summary><paramref name="payload"/> as a UTF-8 XML document.</summary>
    public static byte[] Encode(JsonElement payload)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            Write(writer, RootName, payload);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Write(XmlWriter writer, string name, JsonElement element)
    {
        writer.WriteStartElement(XmlConvert.EncodeLocalName(name.Length == 0 ? "_" : name));
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Write(writer, property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, "item", item);
                }

                break;
            case JsonValueKind.String:
                writer.WriteString(Clean(element.GetString()!));
                break;
            case JsonValueKind.Number:
                writer.WriteString(element.GetRawText());
                break;
            case JsonValueKind.True:
                writer.WriteString("true");
                break;
            case JsonValueKind.False:
                writer.WriteString("false");
                break;
        }

        writer.WriteEndElement();
    }

    // XmlWriter escapes markup itself; only characters XML 1.0 cannot carry at all (most control characters,
    // lone surrogates) must go, or the document would not parse.
    private static string Clean(string text)
    {
        var builder = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var valid = pair || XmlConvert.IsXmlChar(text[i]);
            if (!valid && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (valid)
            {
                builder?.Append(text[i]);
                if (pair)
                {
                    builder?.Append(text[i + 1]);
                    i++;
                }
            }
        }

        return builder?.ToString() ?? text;
    }
}
