namespace Switchboard.Crm.Calls;

/// <summary>
/// The values of the variables for one request, by case-insensitive name. A variable without a value reads as the
/// empty string ("CRM personalizzato": unknown values are empty). Ids the CRM returned as JSON numbers are marked, so a
/// parameter that is just <c>{ACCOUNT_ID}</c> sends the number back as a number.
/// </summary>
public sealed class CrmValues
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> numbers;

    /// <summary>No values.</summary>
    public CrmValues()
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    private CrmValues(CrmValues other)
    {
        values = new Dictionary<string, string>(other.values, StringComparer.OrdinalIgnoreCase);
        numbers = new HashSet<string>(other.numbers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The value of <paramref name="name"/>, or the empty string when it has none.</summary>
    public string this[string name] => values.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>True when <paramref name="name"/> has a non-empty value.</summary>
    public bool Has(string name) => values.TryGetValue(name, out var value) && value.Length > 0;

    /// <summary>True when <paramref name="name"/>'s value came from the CRM as a JSON number.</summary>
    public bool IsNumber(string name) => numbers.Contains(name);

    /// <summary>Sets <paramref name="name"/> (null clears it); <paramref name="number"/> marks a JSON number.</summary>
    public CrmValues Set(string name, string? value, bool number = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrEmpty(value))
        {
            values.Remove(name);
            numbers.Remove(name);
            return this;
        }

        values[name] = value;
        if (number)
        {
            numbers.Add(name);
        }
        else
        {
            numbers.Remove(name);
        }

        return this;
    }

    /// <summary>A copy to which more values can be set without changing this one.</summary>
    public CrmValues Copy() => new(this);

    /// <summary>Every non-empty value, by canonical name.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        values.ToDictionary(p => CrmVariables.Canonical(p.Key), p => p.Value, StringComparer.Ordinal);
}
