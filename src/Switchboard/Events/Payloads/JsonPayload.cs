using System.Text.Json;
using System.Text.Unicode;

namespace Switchboard.Events.Payloads;

/// <summary>
/// Parses a UTF-8 JSON body into a <see cref="JsonElement"/> that owns its bytes and that any JSON writer
/// downstream can write again. Rejected: empty bodies, invalid UTF-8, syntax errors, nesting deeper than
/// <see cref="EventParseException.MaxDepth"/>, duplicate property names, and escaped unpaired surrogates.
/// Trailing commas are tolerated because the CCAI documentation's own examples carry them.
/// </summary>
internal static class JsonPayload
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = EventParseException.MaxDepth,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Disallow,

        // Consumers disagree on which of two equal names wins (JavaScript takes the last, a JsonElement
        // lookup the first), so a filter could see one value and a receiver the other.
        AllowDuplicateProperties = false,
    };

    public static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new EventParseException(EventParseProblem.NotJson, "", "the body is empty");
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new EventParseException(EventParseProblem.NotJson, "", $"the body is not valid UTF-8 (byte {FirstInvalidByte(utf8)})");
        }

        JsonElement root;
        try
        {
            root = JsonElement.Parse(utf8, Options);
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: the duplicate-name check unescapes names and meets a lone surrogate.
            throw JsonStructureScan.Explain(utf8, failure);
        }

        // JsonElement reads "\uD800" happily, but every writer refuses it, which would surface later as a
        // failure to queue; the scan is only paid by bodies that escape a surrogate at all.
        if (MayEscapeSurrogate(utf8) && JsonStructureScan.FindUnpairedSurrogate(utf8) is { } problem)
        {
            throw problem;
        }

        return root;
    }

    private static bool MayEscapeSurrogate(ReadOnlySpan<byte> utf8)
    {
        var at = utf8.IndexOf("\\u"u8);
        while (at >= 0 && at + 3 < utf8.Length)
        {
            if (utf8[at + 2] is (byte)'d' or (byte)'D' && utf8[at + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }

            var next = utf8[(at + 2)..].IndexOf("\\u"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return false;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
