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
    private readonly FieldValue value;
    private readonly FieldValue[] candidates;
    private readonly bool mustExist;

    /// <summary>
    /// Compiles a filter that <see cref="TriggerValidator"/> accepted; throws <see cref="ArgumentException"/>
    /// otherwise. <paramref name="paths"/>, when given, shares one <see cref="FieldPath"/> per path text across
    /// filters, so <see cref="EventFields"/> resolves each path once per event.
    /// </summary>
    public CompiledFilter(TriggerFilter filter, Dictionary<string, FieldPath>? paths = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parsed = FieldPath.TryParse(filter.Field, out var error) ?? throw new ArgumentException($"Filter field {error}.", nameof(filter));
        path = paths is null ? parsed : paths.TryGetValue(parsed.Text, out var shared) ? shared : paths[parsed.Text] = parsed;
        op = ParseOp(filter.Op) ?? throw new ArgumentException($"Filter op '{filter.Op}' is unknown.", nameof(filter));
        var element = filter.Value?.Clone() ?? default;
        value = new FieldValue(element);
        candidates = op == FilterOp.In && element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray().Select(e => new FieldValue(e))] : [];
        mustExist = op != FilterOp.Exists || element.ValueKind != JsonValueKind.False;
    }

    /// <summary>The operator for a name in any letter case (<c>startsWith</c>, <c>startswith</c>), or null.</summary>
    public static FilterOp? ParseOp(string? name) =>
        Enum.TryParse<FilterOp>(name, ignoreCase: true, out var parsed) && !int.TryParse(name, out _) ? parsed : null;

    /// <summary>True when the event's JSON satisfies the filter.</summary>
    public bool Matches(JsonElement root) => Matches(new EventFields(root));

    /// <summary>True when the event satisfies the filter; its fields are resolved through the shared view.</summary>
    public bool Matches(EventFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var field = fields.Get(path);
        return op switch
        {
            FilterOp.Exists => field.Found == mustExist,
            FilterOp.Ne => !field.Found || !AreEqual(field, value),
            _ when !field.Found => false,
            FilterOp.Eq => AreEqual(field, value),
            FilterOp.In => Array.Exists(candidates, c => AreEqual(field, c)),
            FilterOp.Contains => field.Kind == JsonValueKind.Array
                ? field.Element.EnumerateArray().Any(e => AreEqual(new FieldValue(e), value))
                : field.Text is { } text && value.Text is { } part && text.Contains(part, StringComparison.Ordinal),
            FilterOp.StartsWith => field.Text is { } text && value.Text is { } prefix && text.StartsWith(prefix, StringComparison.Ordinal),
            FilterOp.Gt => Compare(field, value) is > 0,
            FilterOp.Ge => Compare(field, value) is >= 0,
            FilterOp.Lt => Compare(field, value) is < 0,
            FilterOp.Le => Compare(field, value) is <= 0,
            _ => false,
        };
    }

    private static bool AreEqual(FieldValue left, FieldValue right)
    {
        if (Numbers(left, right) is var (a, b))
        {
            return a == b;
        }

        return (left.Kind, right.Kind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
            (JsonValueKind.True or JsonValueKind.False, _) or (_, JsonValueKind.True or JsonValueKind.False) =>
                string.Equals(left.Text, right.Text, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>Ordering of two values, or null when they are not comparable.</summary>
    private static int? Compare(FieldValue left, FieldValue right)
    {
        if (Numbers(left, right) is var (a, b))
        {
            return a.CompareTo(b);
        }

        return left.Kind == JsonValueKind.String && right.Kind == JsonValueKind.String
            ? Math.Sign(string.CompareOrdinal(left.Text, right.Text))
            : null;
    }

    /// <summary>Both sides as numbers when at least one is a JSON number and the other reads as one.</summary>
    private static (decimal, decimal)? Numbers(FieldValue left, FieldValue right)
    {
        if (left.Kind != JsonValueKind.Number && right.Kind != JsonValueKind.Number)
        {
            return null;
        }

        return left.Number is { } a && right.Number is { } b ? (a, b) : null;
    }
}
