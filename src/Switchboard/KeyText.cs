using System.Text.RegularExpressions;

namespace Switchboard;

/// <summary>
/// The rules for text that names something in storage — tenants and ids, session channels and ids, queue names — in
/// one place. Every entry point (route values, query values, body fields, ingested events) checks input against them
/// before anything is stored or looked up, so a store never meets what table keys refuse (<c>/ \ # ?</c>, control
/// characters) or a length a key or blob name cannot hold.
/// </summary>
public static partial class KeyText
{
    /// <summary>The longest tenant or id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The longest free-text name: a session channel or id, a queue id or name.</summary>
    public const int MaxNameLength = 256;

    /// <summary>What <see cref="IsId"/> asks for, as a problem's message.</summary>
    public const string IdRule = "must be 1–100 letters, digits, '-' or '_'";

    /// <summary>True when <paramref name="text"/> can be a tenant or an id: 1–100 letters, digits, '-' or '_'.</summary>
    public static bool IsId(string? text) => text is not null && IdText().IsMatch(text);

    /// <summary>
    /// True when <paramref name="text"/> can be a name: 1 to <paramref name="maxLength"/> characters, not blank, without
    /// control characters or half of a surrogate pair (which no JSON writer writes again).
    /// </summary>
    public static bool IsName(string? text, int maxLength = MaxNameLength)
    {
        if (text is null || text.Length == 0 || text.Length > maxLength || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                return false;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <see cref="IsName"/> asks for, as a problem's message.</summary>
    public static string NameRule(int maxLength = MaxNameLength) => $"must be 1–{maxLength} characters, not blank, without control characters";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex IdText();
}
