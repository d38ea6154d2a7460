using System.Text;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;

namespace Switchboard.Crm.Lookup;

/// <summary>
/// A session's custom lookup URL ("CRM personalizzato", "URL di ricerca personalizzato"): the tenant's template for the
/// session's kind filled in with the twelve lookup variables, values percent-encoded, and only the query parameters
/// that come out non-empty kept — a parameter is dropped when a variable it names has no value, or its value is blank.
/// </summary>
/// <param name="Url">The URL to open.</param>
/// <param name="Kind"><see cref="Phone"/> for IVR, PSTN and SMS sessions, <see cref="Sdk"/> for web and mobile SDK sessions.</param>
/// <param name="Session">The session, <c>{channel}-{id}</c>.</param>
public sealed record CrmLookupUrl(string Url, string Kind, string Session)
{
    /// <summary>IVR, PSTN and SMS sessions, identified by the customer's phone number.</summary>
    public const string Phone = "phone";

    /// <summary>Web and mobile SDK sessions, identified by CUID and e-mail.</summary>
    public const string Sdk = "sdk";

    /// <summary>Which template serves the session: SDK for web, mobile and in-app sessions and those carrying SDK fields, phone for IVR, PSTN, SMS and the rest.</summary>
    public static string KindOf(CrmSessionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var words = (facts.Metadata.SessionType ?? string.Empty).ToLowerInvariant()
            .Split((char[])[' ', '_', '(', ')', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "ivr" or "pstn" or "sms" or "whatsapp"))
        {
            return Phone;
        }

        return words.Any(w => w is "web" or "mobile" or "app" or "sdk") || facts.Field("sdk_identifier", "sdk_email", "sdk_name", "sdk_phone") is not null
            ? Sdk
            : Phone;
    }

    /// <summary><paramref name="template"/> filled in with <paramref name="values"/>, keeping only the non-empty query parameters.</summary>
    public static string Render(string template, CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var hash = template.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : template[hash..];
        var rest = hash < 0 ? template : template[..hash];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var url = new StringBuilder(CrmTemplate.Render(question < 0 ? rest : rest[..question], values, Uri.EscapeDataString));
        var separator = '?';
        foreach (var parameter in question < 0 ? [] : rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals];
            var value = equals < 0 ? string.Empty : parameter[(equals + 1)..];
            if (!CrmTemplate.IsPresent(value, values))
            {
                continue;
            }

            url.Append(separator).Append(CrmTemplate.Render(name, values, Uri.EscapeDataString)).Append('=').Append(CrmTemplate.Render(value, values, Uri.EscapeDataString));
            separator = '&';
        }

        return WireText.UrlText(url.Append(CrmTemplate.Render(fragment, values, Uri.EscapeDataString)).ToString());
    }
}
