using PhoneNumbers;

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
/// <item><term>national</term><description><c>(222) 333-4444</c>; <c>020 7946 0958</c> for a UK number where the default region is GB</description></item>
/// </list>
/// Numbers are read and grouped by libphonenumber: a number written without a country code belongs to the default
/// region (<see cref="DefaultRegion"/> unless a region is given), and that region's trunk and international call
/// prefixes are understood (<c>011</c> in the US, <c>00</c> in most of Europe). Groups are always separated by spaces
/// in the international form, as ITU-T E.123 writes them (<c>+7 495 123 45 67</c>); the search form is those groups
/// after the country code, each behind a '*' (<c>*20*7946*0958</c>). The two US local formats write only numbers of
/// country code 1 and use E.164 for others; national writes numbers of other countries than the default region's in
/// the international form. Text that is no possible phone number (a name, a SIP address, too few or too many digits
/// for its country) is passed on as sent.
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

    /// <summary>
    /// National, as dialled within the default region (<c>020 7946 0958</c> in GB); numbers of other countries are
    /// written in the international form. Not one of the vendor's formats: it serves CRMs outside North America.
    /// </summary>
    public const string National = "national";

    /// <summary>The region of numbers written without a country code when none is configured: <c>US</c>, so ten digits are North American.</summary>
    public const string DefaultRegion = "US";

    /// <summary>Every format, as spelled in settings.</summary>
    public static readonly IReadOnlyList<string> All = [Automatic, E164, UsLocal, UsLocalStandard, International, National];

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The format's canonical spelling, or null when <paramref name="format"/> names none (case-insensitive).</summary>
    public static string? Normalise(string? format) =>
        All.FirstOrDefault(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The region's canonical spelling (upper case), or null when <paramref name="region"/> is no ISO 3166-1 alpha-2
    /// code libphonenumber has numbering data for (case-insensitive).
    /// </summary>
    public static string? NormaliseRegion(string? region)
    {
        var upper = region?.Trim().ToUpperInvariant();
        return upper is { Length: 2 } && Numbers.GetSupportedRegions().Contains(upper) ? upper : null;
    }

    /// <summary>
    /// <paramref name="number"/> written in <paramref name="format"/>; <paramref name="search"/> selects the automatic
    /// format's search form (for the find endpoints and lookup URLs); <paramref name="region"/> is the region of numbers
    /// written without a country code, in any case (<see cref="DefaultRegion"/> when null). Null or blank gives the empty
    /// string.
    /// </summary>
    public static string Format(string? number, string format, bool search = false, string? region = null)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return string.Empty;
        }

        region = region?.Trim().ToUpperInvariant() ?? DefaultRegion;
        if (Parse(number, region) is not { } parsed)
        {
            return number.Trim();
        }

        var national = Numbers.GetNationalSignificantNumber(parsed);
        var nanp = parsed.CountryCode == 1 && national.Length == 10;
        var e164 = Numbers.Format(parsed, PhoneNumberFormat.E164);
        return Normalise(format) switch
        {
            E164 => e164,
            UsLocal => nanp ? national : e164,
            UsLocalStandard => nanp ? $"({national[..3]}) {national[3..6]}-{national[6..]}" : e164,
            International => Spaced(parsed),
            National => parsed.CountryCode == Numbers.GetCountryCodeForRegion(region)
                ? Numbers.Format(parsed, PhoneNumberFormat.NATIONAL)
                : Spaced(parsed),
            _ => search ? Wildcards(parsed) : Spaced(parsed),
        };
    }

    /// <summary>The number, or null when the text is none or cannot be one (libphonenumber's possible-number check).</summary>
    private static PhoneNumber? Parse(string text, string region)
    {
        try
        {
            var parsed = Numbers.Parse(text, region);

            // A number possible only for local dialling (seven US digits) has no area code to call it with.
            return Numbers.IsPossibleNumberWithReason(parsed) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE ? parsed : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // libphonenumber joins some countries' groups with '-' (the US, Russia, Japan); E.123 and the vendor's examples use spaces.
    private static string Spaced(PhoneNumber number) =>
        Numbers.Format(number, PhoneNumberFormat.INTERNATIONAL).Replace('-', ' ');

    private static string Wildcards(PhoneNumber number)
    {
        // A search matches the number the CRM holds, which has no extension.
        var groups = Spaced(number.ToBuilder().ClearExtension().Build()).Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1);
        return string.Concat(groups.Select(g => "*" + g));
    }
}
