using System.Globalization;
using System.Text.Json;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Where a value is in a JSON response: a dot path of property names with optional array indexes — <c>data</c>,
/// <c>data[0]</c>, <c>result.records.0.id</c>, <c>[0]</c> — or empty for the whole document. Property names match
/// exactly first, then ignoring case.
/// </summary>
public sealed class CrmDataLocation
{
    private readonly IReadOnlyList<object> segments;

    private CrmDataLocation(IReadOnlyList<object> segments) => this.segments = segments;

    /// <summary>The whole document.</summary>
    public static CrmDataLocation Root { get; } = new([]);

    /// <summary>The location <paramref name="path"/> describes, or null when it is not a valid path.</summary>
    public static CrmDataLocation? Parse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Root;
        }

        var segments = new List<object>();
        foreach (var part in path.Trim().Split('.'))
        {
            var rest = part;
            var bracket = rest.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? rest : rest[..bracket];
            if (name.Length > 0)
            {
                if (name.Contains(']', StringComparison.Ordinal))
                {
                    return null;
                }

                segments.Add(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : name);
            }
            else if (bracket != 0)
            {
                // An empty segment: "a..b", a leading or a trailing dot.
                return null;
            }

            rest = bracket < 0 ? string.Empty : rest[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(index);
                rest = rest[(close + 1)..];
            }
        }

        return new CrmDataLocation(segments);
    }

    /// <summary>The value at this location in <paramref name="root"/>, or null when there is none (or it is JSON null).</summary>
    public JsonElement? Find(JsonElement root)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                if (current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
                {
                    current = current[index];
                    continue;
                }

                // A numeric segment may also be a property name ("0": {...}).
                if (current.ValueKind != JsonValueKind.Object || !TryProperty(current, index.ToString(CultureInfo.InvariantCulture), out current))
                {
                    return null;
                }

                continue;
            }

            if (current.ValueKind != JsonValueKind.Object || !TryProperty(current, (string)segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>
    /// The id of the object at this location: its <c>id</c> property (any case) as text, with whether it is a JSON
    /// number. An array stands for its first element; a string or number there is the id itself. Null when there is
    /// no id (nothing there, an empty array, no <c>id</c>).
    /// </summary>
    public (string Id, bool IsNumber)? FindId(JsonElement root)
    {
        if (Find(root) is not { } data)
        {
            return null;
        }

        if (data.ValueKind == JsonValueKind.Array)
        {
            if (data.GetArrayLength() == 0)
            {
                return null;
            }

            data = data[0];
        }

        if (data.ValueKind == JsonValueKind.Object)
        {
            if (!TryProperty(data, "id", out var id))
            {
                return null;
            }

            data = id;
        }

        return data.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(data.GetString()) => (data.GetString()!, false),
            JsonValueKind.Number => (data.GetRawText(), true),
            _ => null,
        };
    }

    /// <summary>The text at this location (a string, or a number as written), or null.</summary>
    public string? FindText(JsonElement root) => Find(root) switch
    {
        { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()) => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
