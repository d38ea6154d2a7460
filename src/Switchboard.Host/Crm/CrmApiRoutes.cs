using Switchboard.Api;

namespace Switchboard.Host.Crm;

/// <summary>Routes of the CRM API (<see cref="CrmApi"/>): the settings, and sessions' lookup URLs.</summary>
public static class CrmApiRoutes
{
    /// <summary>
    /// Maps <c>api/crm/settings</c>, <c>api/crm/oauth/…</c> and <c>api/sessions/{channel}-{id}/lookup-url</c> and returns their group, for the
    /// admin-key filter. The lookup route's literal last segment makes it win over <c>api/sessions/{channel}/{id}</c>.
    /// </summary>
    public static RouteGroupBuilder MapCrmApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api").WithTags("Crm");
        group.MapGet("crm/settings", CrmApi.GetCrmSettings).WithName(nameof(CrmApi.GetCrmSettings));
        group.MapPut("crm/settings", CrmApi.ReplaceCrmSettings).WithName(nameof(CrmApi.ReplaceCrmSettings));
        group.MapDelete("crm/settings", CrmApi.DeleteCrmSettings).WithName(nameof(CrmApi.DeleteCrmSettings));
        group.MapGet("crm/oauth/authorize", CrmApi.GetCrmOAuthAuthorization).WithName(nameof(CrmApi.GetCrmOAuthAuthorization));
        group.MapPost("crm/oauth/code", CrmApi.ExchangeCrmOAuthCode).WithName(nameof(CrmApi.ExchangeCrmOAuthCode));

        // One segment, split at its first '-' by the handler: session ids may hold '-', channels do not.
        group.MapGet("sessions/{session}/lookup-url", CrmApi.GetSessionLookupUrl).WithName(nameof(CrmApi.GetSessionLookupUrl));
        return group;
    }
}
