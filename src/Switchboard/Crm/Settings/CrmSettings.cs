using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;

namespace Switchboard.Crm.Settings;

/// <summary>
/// One tenant's connection to its CRM through the generic CRM API ("CRM personalizzato", "API generica"): how to
/// authenticate, how phone numbers are written, the request timeout, the lookup URLs of accounts and records, the eight
/// endpoints, and the custom lookup URLs agents open. Stored in table <c>CrmSettings</c>, one row per tenant; validated
/// by <see cref="CrmSettingsValidator"/>.
/// </summary>
public sealed record CrmSettings
{
    /// <summary>The Switchboard tenant these settings belong to (default <c>default</c>).</summary>
    public string Tenant { get; init; } = "default";

    /// <summary>When false the settings are kept but nothing is sent to the CRM (lookup URLs still work). Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How requests authenticate: none, basic, custom headers or OAuth 2.0.</summary>
    public CrmAuth Auth { get; init; } = new();

    /// <summary>
    /// How <c>{PHONE_NUMBER}</c> and the other phone variables are written (<see cref="CrmPhoneFormat"/>): automatic
    /// (the default), e164, usLocal, usLocalStandard, international or national.
    /// </summary>
    public string PhoneFormat { get; init; } = CrmPhoneFormat.Automatic;

    /// <summary>
    /// The region of phone numbers written without a country code, an ISO 3166-1 alpha-2 code such as <c>GB</c>;
    /// null (the default) uses the host's <see cref="CrmOptions.DefaultRegion"/>.
    /// </summary>
    public string? DefaultRegion { get; init; }

    /// <summary>The timeout of every CRM request, 1–10 seconds (default 10).</summary>
    public int TimeoutSeconds { get; init; } = MaxTimeoutSeconds;

    /// <summary>The page of an account in the CRM, with <c>{ACCOUNT_ID}</c> standing for its id (<c>https://www.example.com/contact/{ACCOUNT_ID}</c>).</summary>
    public string? AccountLookupUrl { get; init; }

    /// <summary>
    /// The page of a record in the CRM, with <c>{RECORD_ID}</c> standing for its id
    /// (<c>https://www.example.com/record/{RECORD_ID}</c>); the <c>recordUrl</c> of the <c>CRM_Record_Pop</c> event.
    /// </summary>
    public string? RecordLookupUrl { get; init; }

    /// <summary>
    /// Whether a record the "find record by query" endpoint returns is reused for the session (default true); when
    /// false every session creates a record.
    /// </summary>
    public bool ReuseRecords { get; init; } = true;

    /// <summary>The CRM's API endpoints; none configured means no API calls.</summary>
    public CrmEndpoints Endpoints { get; init; } = new();

    /// <summary>The custom lookup URLs agents open for a session ("CRM personalizzato", "URL di ricerca personalizzato").</summary>
    public CrmLookupUrls LookupUrls { get; init; } = new();

    /// <summary>When the settings were last stored; set by the store.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The longest request timeout, and the default.</summary>
    public const int MaxTimeoutSeconds = 10;
}
