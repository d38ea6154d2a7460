using System.Globalization;

namespace Switchboard.Storage;

/// <summary>
/// Builds OData <c>$filter</c> expressions whose values cannot change the query: strings are quoted
/// with their single quotes doubled, other types written as typed literals.
/// </summary>
public static class TableFilter
{
    /// <summary>
    /// Formats a filter with each interpolated value as a literal, e.g.
    /// <c>TableFilter.Create($"PartitionKey eq {tenant} and Count gt {3}")</c>.
    /// </summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    /// <summary>One value as an OData literal; throws for types tables cannot hold.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => $"datetime'{t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        DateTime t => Literal(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t)),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "Table filters take strings, booleans, numbers, dates, GUIDs and bytes."),
    };

    /// <summary>A string literal: the value in single quotes, each single quote doubled.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
