using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Switchboard.Events.Payloads;

/// <summary>
/// Reads an application/x-www-form-urlencoded body as the JSON object it stands for, so that a form-encoded
/// payload is filtered and delivered like its JSON twin. Bracketed keys nest (<c>cdr[id]=1</c> →
/// <c>{"cdr":{"id":"1"}}</c>), <c>a[]=x</c> appends to an array, and an object whose keys are exactly
/// 0…n-1 becomes an array. Values stay strings: a form carries no types. A repeated key is rejected for the
/// same reason JSON bodies with duplicate names are.
/// </summary>
internal static class FormPayload
{
    /// <summary>
    /// Parses the body, read in <paramref name="encoding"/> (which must throw on what is not text in it); fields named in
    /// <paramref name="jsonFields"/> may hold a JSON object or array as text, which is embedded.
    /// </summary>
    public static JsonElement Parse(ReadOnlySpan<byte> body, Encoding encoding, IReadOnlySet<string> jsonFields)
    {
        string text;
        try
        {
            text = encoding.GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new EventParseException(EventParseProblem.NotJson, "", $"the body is not valid {encoding.WebName}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new EventParseException(EventParseProblem.NotJson, "", "the body is empty");
        }

        var root = FormNode.Object();
        foreach (var range in text.AsSpan().Split('&'))
        {
            var pair = text.AsSpan(range);
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair[..equals], encoding, "");
            var path = KeyPath(key);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..], encoding, Pointer(path, path.Count));
            Insert(root, key, path, value);
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, root, isRoot: true, jsonFields);
        }

        // The JSON reading rules (depth, duplicates) apply to the result, so a form body cannot smuggle in
        // what a JSON body may not carry.
        return JsonPayload.Parse(buffer.WrittenSpan);
    }

    /// <summary>
    /// Percent-decodes a key or value ('+' is a space; a '%' not followed by two hex digits stays as it is) and reads the
    /// bytes in <paramref name="encoding"/>, which throws where they are not text in it: <c>%FF</c> is not UTF-8, and
    /// silently turning it into U+FFFD would change what the platform sent.
    /// </summary>
    private static string Decode(ReadOnlySpan<char> encoded, Encoding encoding, string pointer)
    {
        var decoded = new StringBuilder(encoded.Length);
        var pending = new List<byte>();
        try
        {
            for (var i = 0; i < encoded.Length; i++)
            {
                var c = encoded[i];
                if (c == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
                {
                    pending.Add((byte)((Uri.FromHex(encoded[i + 1]) << 4) | Uri.FromHex(encoded[i + 2])));
                    i += 2;
                    continue;
                }

                Flush(decoded, pending, encoding);
                decoded.Append(c == '+' ? ' ' : c);
            }

            Flush(decoded, pending, encoding);
        }
        catch (DecoderFallbackException)
        {
            throw new EventParseException(EventParseProblem.InvalidText, pointer, $"form field '{encoded}' does not decode to {encoding.WebName} text");
        }

        return decoded.ToString();
    }

    private static void Flush(StringBuilder decoded, List<byte> pending, Encoding encoding)
    {
        if (pending.Count > 0)
        {
            decoded.Append(encoding.GetString([.. pending]));
            pending.Clear();
        }
    }

    /// <summary><c>a[b][]</c> → a, b, "" (append); a key with unbalanced brackets is taken literally.</summary>
    private static List<string> KeyPath(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || !key.EndsWith(']'))
        {
            return [key];
        }

        var path = new List<string> { key[..open] };
        var at = open;
        while (at < key.Length)
        {
            var close = key.IndexOf(']', at);
            if (key[at] != '[' || close < 0 || key.IndexOf('[', at + 1, close - at - 1) >= 0)
            {
                return [key];
            }

            path.Add(key[(at + 1)..close]);
            if (path.Count > EventParseException.MaxDepth)
            {
                throw new EventParseException(EventParseProblem.TooDeep, "/" + path[0], $"form field '{key}' nests deeper than {EventParseException.MaxDepth} levels");
            }

            at = close + 1;
        }

        return path;
    }

    private static void Insert(FormNode root, string key, List<string> path, string value)
    {
        var node = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var segment = path[i];
            if (segment.Length == 0)
            {
                if (node.Items is null)
                {
                    if (node.Value is not null || node.Fields!.Count > 0)
                    {
                        throw Conflict(path, i, key);
                    }

                    node.ToArray();
                }

                var item = last ? FormNode.Text(value) : FormNode.Object();
                node.Items!.Add(item);
                node = item;
                continue;
            }

            if (node.Fields is null)
            {
                throw Conflict(path, i, key);
            }

            if (node.Fields.TryGetValue(segment, out var existing))
            {
                if (last || existing.Value is not null)
                {
                    throw new EventParseException(EventParseProblem.DuplicateProperty, Pointer(path, i + 1), $"form field '{key}' is given more than once");
                }

                node = existing;
                continue;
            }

            var child = last ? FormNode.Text(value) : FormNode.Object();
            node.Add(segment, child);
            node = child;
        }
    }

    private static EventParseException Conflict(List<string> path, int length, string key) =>
        new(EventParseProblem.DuplicateProperty, Pointer(path, length), $"form field '{key}' uses a name that other fields use both as a list and as an object");

    /// <summary>The pointer of the first <paramref name="length"/> segments; an append segment shows as "-", the RFC 6901 end-of-array.</summary>
    private static string Pointer(List<string> path, int length)
    {
        var pointer = "";
        for (var i = 0; i < length; i++)
        {
            pointer = JsonPointer.Append(pointer, path[i].Length == 0 ? "-" : path[i]);
        }

        return pointer;
    }

    private static void Write(Utf8JsonWriter writer, FormNode node, bool isRoot, IReadOnlySet<string> jsonFields)
    {
        if (node.Value is not null)
        {
            writer.WriteStringValue(node.Value);
            return;
        }

        if (node.Items is not null)
        {
            writer.WriteStartArray();
            foreach (var item in node.Items)
            {
                Write(writer, item, isRoot: false, jsonFields);
            }

            writer.WriteEndArray();
            return;
        }

        var fields = node.Order!;
        if (!isRoot && IsIndexed(fields))
        {
            writer.WriteStartArray();
            foreach (var name in fields)
            {
                Write(writer, node.Fields![name], isRoot: false, jsonFields);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var name in fields)
        {
            writer.WritePropertyName(name);
            var child = node.Fields![name];
            if (isRoot && jsonFields.Contains(name) && child.Value is { } text && TryEmbed(writer, text))
            {
                continue;
            }

            Write(writer, child, isRoot: false, jsonFields);
        }

        writer.WriteEndObject();
    }

    private static bool IsIndexed(List<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] != IndexText(i))
            {
                return false;
            }
        }

        return fields.Count > 0;
    }

    private static string IndexText(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A text that is a JSON object or array is written as JSON, verbatim, and checked with the rest of the
    /// body afterwards; anything else stays a string.
    /// </summary>
    private static bool TryEmbed(Utf8JsonWriter writer, string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(trimmed.ToString()), new JsonReaderOptions { MaxDepth = 4 * EventParseException.MaxDepth });
        try
        {
            if (!reader.Read() || !reader.TrySkip() || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        writer.WriteRawValue(trimmed, skipInputValidation: true);
        return true;
    }

    private sealed class FormNode
    {
        public string? Value { get; private init; }

        public Dictionary<string, FormNode>? Fields { get; private set; }

        public List<string>? Order { get; private set; }

        public List<FormNode>? Items { get; private set; }

        public static FormNode Text(string value) => new() { Value = value };

        public static FormNode Object() => new() { Fields = new(StringComparer.Ordinal), Order = [] };

        public void Add(string name, FormNode child)
        {
            Fields!.Add(name, child);
            Order!.Add(name);
        }

        public void ToArray()
        {
            Fields = null;
            Order = null;
            Items = [];
        }
    }
}
