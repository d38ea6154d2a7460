using Switchboard.Crm.Calls;

namespace Switchboard.Crm.Settings;

/// <summary>Configuration section <c>Crm</c>: how the CRM integration runs (the CRM itself is configured per tenant through the API).</summary>
public sealed record CrmOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Crm";

    /// <summary>How long a tenant's settings are cached (default 1 minute); writes through this instance show at once.</summary>
    public TimeSpan SettingsCacheDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one run over a session holds the session's lease (default 2 minutes); it is renewed before every CRM
    /// call, so this needs to cover one call (at most three requests of the 10-second timeout) and a file download.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest archived file uploaded to the CRM, in bytes (default 25 MiB); a larger one is reported as a failed upload.</summary>
    public long MaxUploadBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>How much of a CRM response is read to find ids in it, in bytes (default 1 MiB).</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// The region of phone numbers written without a country code, an ISO 3166-1 alpha-2 code such as <c>US</c>,
    /// <c>GB</c> or <c>IT</c> (default <c>US</c>, so ten digits are North American); a tenant's
    /// <see cref="CrmSettings.DefaultRegion"/> overrides it.
    /// </summary>
    public string DefaultRegion { get; init; } = CrmPhoneFormat.DefaultRegion;

    /// <summary>What is wrong with these options, one message per problem, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SettingsCacheDuration < TimeSpan.Zero)
        {
            problems.Add("Crm:SettingsCacheDuration may not be negative.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(40))
        {
            problems.Add("Crm:LeaseDuration must be at least 00:00:40: one call can take three 10-second requests.");
        }

        if (MaxUploadBytes <= 0)
        {
            problems.Add("Crm:MaxUploadBytes must be positive.");
        }

        if (MaxResponseBytes < 1024)
        {
            problems.Add("Crm:MaxResponseBytes must be at least 1024.");
        }

        if (CrmPhoneFormat.NormaliseRegion(DefaultRegion) is null)
        {
            problems.Add($"Crm:DefaultRegion must be an ISO 3166-1 alpha-2 region code with phone numbering data, such as US, GB or IT (got '{DefaultRegion}').");
        }

        return problems;
    }
}
