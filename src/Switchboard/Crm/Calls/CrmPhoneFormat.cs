using System.Text;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The phone number formats of "CRM personalizzato" ("Formato del numero di telefono"), for a North American number
/// +1 222 333 4444:
/// <list type="table">
/// <item><term>automatic</term><description>creating: <c>+1 222 333 4444</c>; searching: <c>*222*333*4444</c></description></item>
/// <item><term>e164</term><description><c>+12223334444</c></description></item>
/// <item><term>usLocal</term><description><c>2223334444</c></description></item>
/// <item><term>usLocalStandard</term><description><c>(222) 333-4444</c></description></item>
/// <item><term>international</term><description><c>+1 222 333 4444</c></description></item>
/// </list>
/// Numbers are read leniently: punctuation is ignored, <c>00</c> counts as '+', and ten digits without a country code
/// (or eleven starting with 1) are North American. Other countries' numbers are split after their ITU country code:
/// international <c>+44 2079460958</c>, automatic search <c>*2079460958</c>; the two US local formats cannot write
/// them and use E.164. Text that is no phone number (fewer than 7 digits, letters, a SIP address) is passed on as sent.
/// </summary>
public static class CrmPhoneFormat
{
    /// <summary>International when creating, a wildcard pattern when searching.</summary>
    public const string Automatic = "automatic";

    /// <summary>E.164: <c>+12223334444</c>.</summary>
    public const string E164 = "e164";

    /// <summary>US local: <c>2223334444</c>.</summary>
    public const string UsLocal = "usLocal";

    /// <summary>US local standard: <c>(222) 333-4444</c>.</summary>
    public const string UsLocalStandard = "usLocalStandard";

    /// <summary>International: <c>+1 222 333 4444</c>.</summary>
    public const string International = "international";

    /// <summary>Every format, as spelled in settings.</summary>
    public static readonly IReadOnlyList<string> All = [Automatic, E164, UsLocal, UsLocalStandard, International];

    // ITU-T E.164 country codes of one and two digits; every other code has three.
    private static readonly HashSet<string> ShortCodes =
    [
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
        "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    /// <summary>The format's canonical spelling, or null when <paramref name="format"/> names none (case-insensitive).</summary>
    public static string? Normalise(string? format) =>
        All.FirstOrDefault(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="number"/> written in <paramref name="format"/>; <paramref name="search"/> selects the automatic
    /// format's search form (for the find endpoints and lookup URLs). Null or blank gives the empty string.
    /// </summary>
    public static string Format(string? number, string format, bool search = false)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return string.Empty;
        }

        if (Parse(number) is not { } parsed)
        {
            return number.Trim();
        }

        var (countryCode, national) = parsed;

        var nanp = countryCode == "1" && national.Length == 10;
        return Normalise(format) switch
        {
            E164 => $"+{countryCode}{national}",
            UsLocal => nanp ? national : $"+{countryCode}{national}",
            UsLocalStandard => nanp ? $"({national[..3]}) {national[3..6]}-{national[6..]}" : $"+{countryCode}{national}",
            International => Spaced(countryCode, national, nanp),
            _ => search
                ? nanp ? $"*{national[..3]}*{national[3..6]}*{national[6..]}" : $"*{national}"
                : Spaced(countryCode, national, nanp),
        };
    }

    private static string Spaced(string countryCode, string national, bool nanp) =>
        nanp ? $"+1 {national[..3]} {national[3..6]} {national[6..]}" : $"+{countryCode} {national}";

    /// <summary>The country code and national number, or null when the text is no phone number.</summary>
    private static (string CountryCode, string National)? Parse(string number)
    {
        var text = number.Trim();
        var digits = new StringBuilder(text.Length);
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return null;
            }
        }

        var all = digits.ToString();
        if (!international && all.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            all = all[2..];
        }

        if (all.Length < 7 || all.Length > 15)
        {
            return null;
        }

        if (!international)
        {
            if (all.Length == 10)
            {
                return ("1", all);
            }

            if (all.Length == 11 && all[0] == '1')
            {
                return ("1", all[1..]);
            }

            // Without a '+', only numbers long enough to hold a country code are read as international.
            if (all.Length < 11)
            {
                return null;
            }
        }

        if (all[0] == '0')
        {
            return null;
        }

        var length = ShortCodes.Contains(all[..1]) ? 1 : ShortCodes.Contains(all[..2]) ? 2 : 3;
        return all.Length - length < 4 ? null : (all[..length], all[length..]);
    }
}
