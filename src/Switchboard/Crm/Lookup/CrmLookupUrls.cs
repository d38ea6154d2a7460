namespace Switchboard.Crm.Lookup;

/// <summary>
/// The custom lookup URLs ("CRM personalizzato", "URL di ricerca personalizzato"): one for IVR, PSTN and SMS sessions,
/// which the customer's phone number identifies, one for web and mobile SDK sessions, which CUID and e-mail identify.
/// Only the query parameters that end up non-empty are kept.
/// </summary>
public sealed record CrmLookupUrls
{
    /// <summary>The URL for IVR, PSTN and SMS sessions.</summary>
    public string? Phone { get; init; }

    /// <summary>The URL for web and mobile SDK sessions.</summary>
    public string? Sdk { get; init; }
}
