using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Api;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;
using Switchboard.Functions.Http;

namespace Switchboard.Functions.Crm;

/// <summary>
/// The CRM API: settings under <c>/api/crm/settings</c>, the OAuth consent routes and sessions' lookup URLs, each
/// the admin key and a call to the <see cref="CrmApi"/> handler the portable host maps to the same route.
/// </summary>
/// <param name="store">The CRM settings table.</param>
/// <param name="catalog">This instance's CRM settings cache.</param>
/// <param name="validator">CRM settings validation.</param>
/// <param name="lookup">Session lookup URLs.</param>
/// <param name="tokens">OAuth tokens.</param>
/// <param name="admin">The admin key check.</param>
public sealed class CrmHttp(
    CrmSettingsStore store, CrmSettingsCatalog catalog, CrmSettingsValidator validator, CrmSessionLookup lookup, CrmTokenSource tokens, AdminGate admin)
{
    /// <summary><c>GET /api/crm/settings</c>: the tenant's CRM settings, secrets masked.</summary>
    [Function(nameof(CrmApi.GetCrmSettings))]
    public Task<IActionResult> GetCrmSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "crm/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.GetCrmSettings(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/crm/settings</c>: replaces them, honouring <c>If-Match</c>.</summary>
    [Function(nameof(CrmApi.ReplaceCrmSettings))]
    public Task<IActionResult> ReplaceCrmSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "crm/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.ReplaceCrmSettings(Services(request), ApiQuery.Tenant(request), IfMatch(request), cancellationToken));

    /// <summary><c>DELETE /api/crm/settings</c>: removes them.</summary>
    [Function(nameof(CrmApi.DeleteCrmSettings))]
    public Task<IActionResult> DeleteCrmSettings(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "crm/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.DeleteCrmSettings(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>GET /api/crm/oauth/authorize</c>: the consent URL to open for the authorization-code grant.</summary>
    [Function(nameof(CrmApi.GetCrmOAuthAuthorization))]
    public Task<IActionResult> GetCrmOAuthAuthorization(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "crm/oauth/authorize")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.GetCrmOAuthAuthorization(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/crm/oauth/code</c>: exchanges the consent's code for tokens.</summary>
    [Function(nameof(CrmApi.ExchangeCrmOAuthCode))]
    public Task<IActionResult> ExchangeCrmOAuthCode(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "crm/oauth/code")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.ExchangeCrmOAuthCode(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>GET /api/sessions/{channel}-{id}/lookup-url</c>: the CRM lookup URL of a session.</summary>
    [Function(nameof(CrmApi.GetSessionLookupUrl))]
    public Task<IActionResult> GetSessionLookupUrl(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sessions/{session}/lookup-url")] HttpRequest request, string session, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => CrmApi.GetSessionLookupUrl(Services(request), session, ApiQuery.Tenant(request), cancellationToken));

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.Count == 0 ? null : request.Headers.IfMatch.ToString();

    private CrmApiServices Services(HttpRequest request) => new(store, catalog, validator, lookup, tokens, request.HttpContext);
}
