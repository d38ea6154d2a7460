using System.Text.Json;

namespace Switchboard.Events.Payloads;

/// <summary>
/// Reads fields of a payload object with the leniency platforms need (ids as numbers or strings, templated
/// values rendered as empty strings) and typed errors where the shape is wrong. <c>at</c> is the pointer of
/// the object being read; a field's own pointer is only built when there is something to report.
/// </summary>
internal static class PayloadFields
{
    /// <summary>
    /// A string, number or boolean as text (numbers in their literal spelling, so ids beyond long keep every
    /// digit); null when absent, null, or blank. Objects and arrays are an error.
    /// </summary>
    public static string? Scalar(this JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                throw WrongType(at, name, "a string or a number", value);
        }
    }

    /// <summary>
    /// A session id or channel: a string or number as text (trimmed; numbers in their literal spelling), null when
    /// absent, null or blank. A boolean, object or array is an error, and so is text that cannot name a session in
    /// storage and the API (<see cref="KeyText.IsName"/>: too long, or holding control characters).
    /// </summary>
    public static string? Identifier(this JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw WrongType(at, name, "a string or a number", value),
        };
        return text is null || KeyText.IsName(text)
            ? text
            : throw new EventParseException(EventParseProblem.InvalidValue, JsonPointer.Append(at, name), KeyText.NameRule());
    }

    /// <summary>Like <see cref="Scalar"/> but absent, null and blank are a <see cref="EventParseProblem.MissingField"/> error.</summary>
    public static string RequiredScalar(this JsonElement obj, string name, string at, string why) =>
        obj.Scalar(name, at) ?? throw new EventParseException(EventParseProblem.MissingField, JsonPointer.Append(at, name), why);

    /// <summary>The event name: a non-blank string.</summary>
    public static string EventName(this JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new EventParseException(EventParseProblem.MissingEventName, JsonPointer.Append(at, name), $"the event name '{name}' is missing");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(at, name, "a string", value);
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text)
            ? throw new EventParseException(EventParseProblem.MissingEventName, JsonPointer.Append(at, name), $"the event name '{name}' is empty")
            : text.Trim();
    }

    /// <summary>An object, or null when absent or null; any other type is an error.</summary>
    public static JsonElement? OptionalObject(this JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw WrongType(at, name, "an object", value);
    }

    /// <summary>An object; absent or null is a <see cref="EventParseProblem.MissingField"/> error.</summary>
    public static JsonElement RequiredObject(this JsonElement obj, string name, string at, string why) =>
        obj.OptionalObject(name, at) ?? throw new EventParseException(EventParseProblem.MissingField, JsonPointer.Append(at, name), why);

    /// <summary>A yes/no field as platforms spell it: true/false, 1/0, "1"/"0", "true"/"false"; null otherwise.</summary>
    public static bool? Flag(this JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var number) && number is 0 or 1 => number == 1,
            JsonValueKind.String when value.ValueEquals("1") || value.ValueEquals("true") || value.ValueEquals("True") => true,
            JsonValueKind.String when value.ValueEquals("0") || value.ValueEquals("false") || value.ValueEquals("False") => false,
            _ => null,
        };
    }

    /// <summary>The object itself: a body whose top level is not an object is an error.</summary>
    public static JsonElement RequireObjectRoot(this JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
            ? root
            : throw new EventParseException(EventParseProblem.WrongTopLevelType, "", $"the body must be a JSON object, not {Describe(root)}");

    public static EventParseException WrongType(string at, string name, string expected, JsonElement actual) =>
        new(EventParseProblem.WrongFieldType, JsonPointer.Append(at, name), $"expected {expected}, got {Describe(actual)}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
