using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Switchboard.Api;

/// <summary>
/// CORS for the ingest route, so a CRM page running the CCAI adapter bridge can post from the browser:
/// origins from <c>Ingest:AllowedOrigins</c>, POST only; none configured allows no browser origin.
/// </summary>
public static class IngestCors
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "ingest";

    /// <summary>Builds the policy from the configured origins.</summary>
    public static void Configure(CorsPolicyBuilder policy, IEnumerable<string> origins)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.WithOrigins([.. origins]).WithMethods("POST").WithHeaders("content-type", EventsApi.KeyHeader);
    }
}
