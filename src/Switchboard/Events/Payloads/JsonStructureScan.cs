using System.Text.Json;

namespace Switchboard.Events.Payloads;

/// <summary>
/// Walks a body that failed to parse (or that escapes surrogates) token by token, keeping the path, to say
/// what is wrong and where. Only rejected bodies pay for it.
/// </summary>
internal static class JsonStructureScan
{
    /// <summary>Turns the parser's failure into a typed problem naming the place.</summary>
    public static EventParseException Explain(ReadOnlySpan<byte> utf8, Exception failure) =>
        Scan(utf8)
        ?? new EventParseException(EventParseProblem.NotJson, "", $"the body is not JSON: {failure.Message}", failure);

    /// <summary>The first string or property name that escapes half a surrogate pair, or null.</summary>
    public static EventParseException? FindUnpairedSurrogate(ReadOnlySpan<byte> utf8) => Scan(utf8);

    private static EventParseException? Scan(ReadOnlySpan<byte> utf8)
    {
        // One level more than allowed so that the reader lets us see, and name, the container that is too deep.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = EventParseException.MaxDepth + 1,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Disallow,
        });
        var path = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = path[^1];
                        if (!TryGetText(ref reader, out var name))
                        {
                            return new EventParseException(EventParseProblem.InvalidText, frame.Pointer, "a property name escapes half of a UTF-16 surrogate pair");
                        }

                        if (!frame.Names!.Add(name))
                        {
                            return new EventParseException(EventParseProblem.DuplicateProperty, JsonPointer.Append(frame.Pointer, name), $"property '{name}' appears more than once in the same object");
                        }

                        frame.Name = name;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var pointer = NextValuePointer(path);
                        if (path.Count + 1 > EventParseException.MaxDepth)
                        {
                            return new EventParseException(EventParseProblem.TooDeep, pointer, $"nesting is deeper than {EventParseException.MaxDepth} levels");
                        }

                        path.Add(new Frame(pointer, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.String:
                        var at = NextValuePointer(path);
                        if (reader.ValueIsEscaped && !TryGetText(ref reader, out _))
                        {
                            return new EventParseException(EventParseProblem.InvalidText, at, "the string escapes half of a UTF-16 surrogate pair");
                        }

                        break;
                    default:
                        NextValuePointer(path);
                        break;
                }
            }
        }
        catch (JsonException syntax)
        {
            return new EventParseException(
                EventParseProblem.NotJson,
                path.Count == 0 ? "" : path[^1].Pointer,
                $"the body is not JSON: line {syntax.LineNumber + 1}, byte {syntax.BytePositionInLine + 1}",
                syntax);
        }

        return null;
    }

    private static bool TryGetText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>The pointer of the value the reader is at, advancing the enclosing array's index.</summary>
    private static string NextValuePointer(List<Frame> path)
    {
        if (path.Count == 0)
        {
            return "";
        }

        var parent = path[^1];
        return parent.IsArray ? JsonPointer.Append(parent.Pointer, parent.Index++) : JsonPointer.Append(parent.Pointer, parent.Name!);
    }

    private sealed class Frame(string pointer, bool isArray)
    {
        public string Pointer { get; } = pointer;

        public bool IsArray { get; } = isArray;

        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);

        public string? Name { get; set; }

        public int Index { get; set; }
    }
}
