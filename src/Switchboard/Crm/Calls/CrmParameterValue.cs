using System.Globalization;

namespace Switchboard.Crm.Calls;

/// <summary>
/// What one request parameter's value comes to. Values are strings, except a value that is a plain number as the
/// administrator typed it (<c>5</c>), or one variable holding an id the CRM returned as a JSON number: those are
/// numbers in a JSON body.
/// </summary>
/// <param name="Text">The value as text.</param>
/// <param name="IsNumber">Whether a JSON body writes it as a number.</param>
public readonly record struct CrmParameterValue(string Text, bool IsNumber)
{
    /// <summary>
    /// The value of <paramref name="template"/> for <paramref name="values"/>; null when it is a function that yields
    /// nothing, so the parameter is dropped. Throws <see cref="FormatException"/> for a malformed function (the
    /// validator refuses those before they are stored).
    /// </summary>
    public static CrmParameterValue? Evaluate(string template, CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        if (CrmFunction.IsFunction(template))
        {
            var function = CrmFunction.Parse(template, out var error) ?? throw new FormatException(error);
            return function.Evaluate(values) is { } result ? new CrmParameterValue(result, false) : null;
        }

        if (CrmTemplate.IsSingleVariable(template, out var name))
        {
            return new CrmParameterValue(values[name], values.IsNumber(name));
        }

        var trimmed = template.Trim();
        if (CrmTemplate.Variables(template).Count == 0 && IsNumberLiteral(trimmed))
        {
            return new CrmParameterValue(trimmed, true);
        }

        return new CrmParameterValue(CrmTemplate.Render(template, values), false);
    }

    // JSON's own number grammar: what may be written raw into a body.
    private static bool IsNumberLiteral(string text) =>
        text.Length is > 0 and <= 30
        && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
        && !text.StartsWith('+') && !text.EndsWith('.') && !text.StartsWith('.') && !text.StartsWith("-.", StringComparison.Ordinal)
        && !(text.TrimStart('-').Length > 1 && text.TrimStart('-')[0] == '0' && text.TrimStart('-')[1] != '.');
}
