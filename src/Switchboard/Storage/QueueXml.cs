using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;

namespace Switchboard.Storage;

/// <summary>The queue service's XML bodies and header values, read and written.</summary>
internal static class QueueXml
{
    /// <summary>The UTF-8 body of Put Message and Update Message.</summary>
    public static byte[] MessageBody(string encodedText) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", encodedText)).ToString(SaveOptions.DisableFormatting));

    /// <summary>The <c>QueueMessage</c> elements of a <c>QueueMessagesList</c> response.</summary>
    public static IEnumerable<XElement> Messages(Response response)
    {
        using var stream = response.Content.ToStream();
        return XDocument.Load(stream).Root?.Elements("QueueMessage") ?? [];
    }

    public static string Text(XElement element, string name) =>
        (string?)element.Element(name) ?? throw Malformed(name);

    public static DateTimeOffset Date(XElement element, string name) => Date(Text(element, name), name);

    public static long Number(XElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(name);

    /// <summary>An RFC 1123 date, as the service writes every time.</summary>
    public static DateTimeOffset Date(string? text, string name) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Malformed(name);

    /// <summary>The body behind base64 text, or null when the text is not base64.</summary>
    public static BinaryData? Decode(string text)
    {
        // Base64 never decodes to more than three quarters of its length, so this buffer always suffices.
        var bytes = new byte[text.Length / 4 * 3 + 3];
        return Convert.TryFromBase64String(text, bytes, out var written) ? new BinaryData(bytes.AsMemory(0, written)) : null;
    }

    public static InvalidDataException Malformed(string name) =>
        new($"The storage service answered without a readable {name}.");
}
