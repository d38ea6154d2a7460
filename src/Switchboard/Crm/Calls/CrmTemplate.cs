using System.Text.RegularExpressions;
using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Text with <c>{VARIABLE}</c> placeholders: a name of letters, digits and '_' starting with a letter, between braces.
/// Other braces are plain text.
/// </summary>
public static partial class CrmTemplate
{
    /// <summary>The variable names <paramref name="text"/> refers to, in order, as written.</summary>
    public static IReadOnlyList<string> Variables(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>True when <paramref name="text"/> refers to <paramref name="name"/>.</summary>
    public static bool Refers(string? text, string name) =>
        Variables(text).Any(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="text"/> with every placeholder replaced by its value (empty when unknown), passed through
    /// <paramref name="escape"/> when given (for URLs).
    /// </summary>
    public static string Render(string text, CrmValues values, Func<string, string>? escape = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, match =>
        {
            var value = values[match.Groups[1].Value];
            return escape is null ? value : escape(value);
        });
    }

    /// <summary>
    /// <paramref name="url"/> with every placeholder replaced by its value percent-encoded, and made safe for the wire
    /// by <see cref="WireText.UrlText"/> (the template's own text may hold control characters too).
    /// </summary>
    public static string RenderUrl(string url, CrmValues values) => WireText.UrlText(Render(url, values, Uri.EscapeDataString));

    /// <summary>
    /// True when every variable <paramref name="text"/> refers to has a value and the rendered text is not blank:
    /// what makes a function argument or lookup-URL parameter present.
    /// </summary>
    public static bool IsPresent(string text, CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Variables(text).All(values.Has) && !string.IsNullOrWhiteSpace(Render(text, values));
    }

    /// <summary>True when <paramref name="text"/> is one placeholder and nothing else.</summary>
    public static bool IsSingleVariable(string text, out string name)
    {
        var match = Placeholder().Match(text.Trim());
        name = match.Success ? match.Groups[1].Value : string.Empty;
        return match.Success && match.Length == text.Trim().Length;
    }

    /// <summary><paramref name="text"/> with every placeholder replaced by <paramref name="stand"/>, to check the shape of a URL.</summary>
    public static string Probe(string text, string stand)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, stand);
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
