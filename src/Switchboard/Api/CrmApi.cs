using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The CRM API: a tenant's generic CRM settings under <c>api/crm/settings</c> (tenant from
/// <c>?tenant=</c>, default <c>default</c>; GET returns an <c>ETag</c> and PUT honours <c>If-Match</c>; secrets are
/// masked in every response, and a masked secret sent back keeps the stored one unless an endpoint or the token URL
/// moves to another origin), and a session's custom lookup URL
/// at <c>api/sessions/{channel}-{id}/lookup-url</c>. Validation errors are problem+json naming the field. Both hosts
/// call these handlers behind the admin key.
/// </summary>
public static class CrmApi
{
    private const int MaxCodeLength = 4096;

    /// <summary>
    /// Maps <c>api/crm/settings</c>, <c>api/crm/oauth/…</c> and <c>api/sessions/{channel}-{id}/lookup-url</c> and returns their group, for the
    /// admin-key filter. The lookup route's literal last segment makes it win over <c>api/sessions/{channel}/{id}</c>.
    /// </summary>
    public static RouteGroupBuilder MapCrmApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api").WithTags("Crm");
        group.MapGet("crm/settings", GetCrmSettings).WithName(nameof(GetCrmSettings)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("crm/settings", ReplaceCrmSettings).WithName(nameof(ReplaceCrmSettings)).ProducesProblems(StatusCodes.Status412PreconditionFailed).ProducesJsonBodyProblems();
        group.MapDelete("crm/settings", DeleteCrmSettings).WithName(nameof(DeleteCrmSettings)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("crm/oauth/authorize", GetCrmOAuthAuthorization).WithName(nameof(GetCrmOAuthAuthorization)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("crm/oauth/code", ExchangeCrmOAuthCode).WithName(nameof(ExchangeCrmOAuthCode)).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway).ProducesJsonBodyProblems();

        // One segment, split at its first '-' by the handler: session ids may hold '-', channels do not.
        group.MapGet("sessions/{session}/lookup-url", GetSessionLookupUrl).WithName(nameof(GetSessionLookupUrl)).ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary><c>GET api/crm/settings</c>: the tenant's settings, secrets masked; 404 when it has none.</summary>
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> GetCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NotFound(Tenant(tenant));
        }

        services.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(CrmSecrets.Masked(stored.Settings));
    }

    /// <summary>
    /// <c>PUT api/crm/settings</c>: creates or replaces the tenant's settings. With <c>If-Match</c> (<c>*</c> or the ETag a
    /// GET gave) the settings must exist unchanged since then (412 otherwise); a malformed header is a 400.
    /// </summary>
    [RequestBody(typeof(CrmSettings))]
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> ReplaceCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Check("If-Match", IfMatch.TryParse(ifMatch, out var condition), IfMatch.Rule).Problem is { } problem)
        {
            return problem;
        }

        var (body, readProblem) = await JsonRequestBody.ReadAsync<CrmSettings>(services.HttpContext.Request, CrmJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (tenant is not null && body!.Tenant != TriggerDefaults.Tenant && body.Tenant != tenant)
        {
            return FieldProblems.Invalid("tenant", "differs between the query and the body");
        }

        // The body's tenant names the row read next, so it is checked before that read.
        if (new InputProblems().Id("tenant", tenant ?? body!.Tenant).Problem is { } invalidTenant)
        {
            return invalidTenant;
        }

        var current = await services.Store.GetAsync(tenant ?? body!.Tenant, cancellationToken).ConfigureAwait(false);
        if (condition is not null && !condition.Matches(current?.ETag))
        {
            return Changed();
        }

        var unkept = CrmSecrets.KeepStored(body! with { Tenant = tenant ?? body.Tenant }, current?.Settings, out var settings);
        if (unkept.Count > 0)
        {
            return TypedResults.ValidationProblem(unkept);
        }

        var problems = services.Validator.Validate(settings, out var normalized);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        try
        {
            var stored = await services.Store.SaveAsync(normalized, condition is null ? null : current!.ETag, cancellationToken).ConfigureAwait(false);
            services.Catalog.Invalidate(stored.Settings.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(CrmSecrets.Masked(stored.Settings));
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            return Changed();
        }
    }

    /// <summary><c>DELETE api/crm/settings</c>: removes the tenant's settings, which stops its CRM calls; 404 when it had none.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        if (!await services.Store.DeleteAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false))
        {
            return NotFound(Tenant(tenant));
        }

        services.Catalog.Invalidate(Tenant(tenant));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// <c>GET api/crm/oauth/authorize</c>: the URL where a user consents to Switchboard calling the CRM (the OAuth
    /// authorization URL with client id, redirect URL, scope, state and access type); 404 without OAuth settings.
    /// </summary>
    public static async Task<Results<Ok<CrmAuthorizationRequestUrl>, ValidationProblem, ProblemHttpResult>> GetCrmOAuthAuthorization(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var oauth = (await services.Store.GetAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false))?.Settings.Auth.OAuth;
        return oauth?.AuthorizationRequest() is { } url ? TypedResults.Ok(new CrmAuthorizationRequestUrl(url)) : NoOAuth(Tenant(tenant));
    }

    /// <summary>
    /// <c>POST api/crm/oauth/code</c> with <c>{"code": …}</c>: exchanges the code the consent page redirected with at
    /// the token URL, stores the refresh token it gives and switches the tenant to the refresh-token grant; answers
    /// the settings, secrets masked. 502 when the token endpoint refuses.
    /// </summary>
    [RequestBody(typeof(CrmOAuthCodeRequest))]
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> ExchangeCrmOAuthCode(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var (body, readProblem) = await JsonRequestBody.ReadAsync<CrmOAuthCodeRequest>(services.HttpContext.Request, CrmJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (!KeyText.IsName(body!.Code, MaxCodeLength))
        {
            return FieldProblems.Invalid("code", $"is required: the code the consent page redirected with, {KeyText.NameRule(MaxCodeLength)}");
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false);
        if (stored?.Settings.Auth.OAuth is not { } oauth)
        {
            return NoOAuth(Tenant(tenant));
        }

        string refreshToken;
        try
        {
            refreshToken = await services.Tokens.ExchangeCodeAsync(stored.Settings, body.Code!, TimeSpan.FromSeconds(stored.Settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
        }
        catch (CrmTokenException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Code not exchanged", detail: exception.Message);
        }

        var settings = stored.Settings with { Auth = stored.Settings.Auth with { OAuth = oauth with { GrantType = CrmOAuth.RefreshTokenGrant, RefreshToken = refreshToken } } };
        try
        {
            var saved = await services.Store.SaveAsync(settings, stored.ETag, cancellationToken).ConfigureAwait(false);
            services.Catalog.Invalidate(saved.Settings.Tenant);
            services.HttpContext.Response.Headers.ETag = saved.ETag;
            return TypedResults.Ok(CrmSecrets.Masked(saved.Settings));
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "CRM settings changed", detail: "The settings changed while the code was exchanged; consent again.");
        }
    }

    /// <summary>
    /// <c>GET api/sessions/{channel}-{id}/lookup-url</c>: the session's custom lookup URL, from the template for its
    /// kind (phone or SDK) with only non-empty query parameters kept; 404 when the tenant has no settings, nothing is
    /// journaled for the session, or no template serves its kind. The id is what follows the first '-'.
    /// </summary>
    public static async Task<Results<Ok<CrmLookupUrl>, ValidationProblem, ProblemHttpResult>> GetSessionLookupUrl(
        [AsParameters] CrmApiServices services, string session, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        session = RouteText.Unescape(session)!;
        var dash = session.IndexOf('-', StringComparison.Ordinal);
        var wellFormed = dash > 0 && KeyText.IsName(session[..dash]) && KeyText.IsName(session[(dash + 1)..]);
        if (new InputProblems().Check("session", wellFormed, $"must be {{channel}}-{{id}}, e.g. call-103646 or chat-73522, each part {KeyText.NameRule()}").Problem is { } invalidSession)
        {
            return invalidSession;
        }

        var key = new SessionKey(Tenant(tenant), session[..dash], session[(dash + 1)..]);
        var (url, missing, kind) = await services.Lookup.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return missing switch
        {
            CrmLookupProblem.None => TypedResults.Ok(url!),
            CrmLookupProblem.NoSettings => NotFound(key.Tenant),
            CrmLookupProblem.UnknownSession => FieldProblems.NotFound("session", "Session not found", $"Nothing is journaled for session {session} in tenant '{key.Tenant}'."),
            _ => FieldProblems.NotFound(
                "session",
                "No lookup URL configured",
                $"Session {session} is a{(kind == CrmLookupUrl.Sdk ? "n SDK" : " phone")} session and lookupUrls.{kind} is not set in the tenant's CRM settings."),
        };
    }

    private static string Tenant(string? tenant) => tenant ?? TriggerDefaults.Tenant;

    private static ProblemHttpResult Changed() =>
        FieldProblems.WithStatus(
            StatusCodes.Status412PreconditionFailed,
            "CRM settings changed",
            "If-Match",
            "does not match: the settings changed (or were deleted) since that ETag was read; GET them again and reapply the change");

    private static ProblemHttpResult NoOAuth(string tenant) =>
        FieldProblems.NotFound("tenant", "No OAuth client", $"Tenant '{tenant}' has no OAuth settings (auth.oauth with an authorizationUrl) in its CRM settings.");

    private static ProblemHttpResult NotFound(string tenant) =>
        FieldProblems.NotFound("tenant", "No CRM settings", $"Tenant '{tenant}' has no CRM settings; PUT api/crm/settings to connect a CRM.");
}
