using System.Globalization;
using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>
/// A parsed dot path into JSON with array indexes: <c>data.cdr.dir</c>, <c>data.agents[0].id</c>,
/// <c>data.items[2][0]</c>. Parsed once when a trigger is compiled, walked per event.
/// </summary>
public sealed class FieldPath
{
    private readonly object[] segments;

    private FieldPath(string text, object[] segments)
    {
        Text = text;
        this.segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path; null with <paramref name="error"/> saying what is wrong when it is malformed.</summary>
    public static FieldPath? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty";
            return null;
        }

        var segments = new List<object>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0)
            {
                error = $"'{text}' has an empty segment";
                return null;
            }

            segments.Add(name);
            var rest = bracket < 0 ? string.Empty : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"'{text}' has a malformed array index (write name[0])";
                    return null;
                }

                segments.Add(index);
                rest = rest[(close + 1)..];
            }
        }

        return new FieldPath(text, [.. segments]);
    }

    /// <summary>The element at this path, or false when some step is missing.</summary>
    public bool TryResolve(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case string name when value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var child):
                    value = child;
                    break;
                case int index when value.ValueKind == JsonValueKind.Array && index < value.GetArrayLength():
                    value = value[index];
                    break;
                default:
                    value = default;
                    return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
