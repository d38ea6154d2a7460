using System.Globalization;
using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>
/// A validated filter ready to evaluate: path parsed, operator resolved, value read once. Numbers compare
/// as numbers, also when one side is a numeric string (form-encoded payloads carry every value as text).
/// </summary>
public sealed class CompiledFilter
{
    private readonly FieldPath path;
    private readonly FilterOp op;
    private readonly JsonElement value;
    private readonly JsonElement[] candidates;
    private readonly bool mustExist;

    /// <summary>Compiles a filter that <see cref="TriggerValidator"/> accepted; throws <see cref="ArgumentException"/> otherwise.</summary>
    public CompiledFilter(TriggerFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        path = FieldPath.TryParse(filter.Field, out var error) ?? throw new ArgumentException($"Filter field {error}.", nameof(filter));
        op = ParseOp(filter.Op) ?? throw new ArgumentException($"Filter op '{filter.Op}' is unknown.", nameof(filter));
        value = filter.Value?.Clone() ?? default;
        candidates = op == FilterOp.In && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
        mustExist = op != FilterOp.Exists || value.ValueKind != JsonValueKind.False;
    }

    /// <summary>The operator for a name in any letter case (<c>startsWith</c>, <c>startswith</c>), or null.</summary>
    public static FilterOp? ParseOp(string? name) =>
        Enum.TryParse<FilterOp>(name, ignoreCase: true, out var parsed) && !int.TryParse(name, out _) ? parsed : null;

    /// <summary>True when the event's JSON satisfies the filter.</summary>
    public bool Matches(JsonElement root)
    {
        var found = path.TryResolve(root, out var field) && field.ValueKind != JsonValueKind.Null;
        return op switch
        {
            FilterOp.Exists => found == mustExist,
            FilterOp.Ne => !found || !AreEqual(field, value),
            _ when !found => false,
            FilterOp.Eq => AreEqual(field, value),
            FilterOp.In => candidates.Any(c => AreEqual(field, c)),
            FilterOp.Contains => field.ValueKind == JsonValueKind.Array
                ? field.EnumerateArray().Any(e => AreEqual(e, value))
                : Text(field) is { } text && Text(value) is { } part && text.Contains(part, StringComparison.Ordinal),
            FilterOp.StartsWith => Text(field) is { } text && Text(value) is { } prefix && text.StartsWith(prefix, StringComparison.Ordinal),
            FilterOp.Gt => Compare(field, value) > 0,
            FilterOp.Ge => Compare(field, value) >= 0,
            FilterOp.Lt => Compare(field, value) is < 0 and not int.MinValue,
            FilterOp.Le => Compare(field, value) is <= 0 and not int.MinValue,
            _ => false,
        };
    }

    private static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (Number(left, right) is var (a, b))
        {
            return a == b;
        }

        return (left.ValueKind, right.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => left.ValueEquals(right.GetString()),
            (JsonValueKind.True or JsonValueKind.False, _) or (_, JsonValueKind.True or JsonValueKind.False) =>
                string.Equals(Text(left), Text(right), StringComparison.OrdinalIgnoreCase),
            (JsonValueKind.Null, JsonValueKind.Null) => true,
            _ => false,
        };
    }

    /// <summary>Ordering of two values, or <see cref="int.MinValue"/> when they are not comparable.</summary>
    private static int Compare(JsonElement left, JsonElement right)
    {
        if (Number(left, right) is var (a, b))
        {
            return a.CompareTo(b);
        }

        return left.ValueKind == JsonValueKind.String && right.ValueKind == JsonValueKind.String
            ? Math.Sign(string.CompareOrdinal(left.GetString(), right.GetString()))
            : int.MinValue;
    }

    /// <summary>Both sides as numbers when at least one is a JSON number and the other reads as one.</summary>
    private static (decimal, decimal)? Number(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != JsonValueKind.Number && right.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return AsNumber(left) is { } a && AsNumber(right) is { } b ? (a, b) : null;
    }

    private static decimal? AsNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
        JsonValueKind.Number => (decimal)Math.Clamp(element.GetDouble(), (double)decimal.MinValue, (double)decimal.MaxValue),
        JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
