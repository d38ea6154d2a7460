using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Crm;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The CRM API: a tenant's generic CRM settings under <c>api/crm/settings</c> (tenant from
/// <c>?tenant=</c>, default <c>default</c>; GET returns an <c>ETag</c> and PUT honours <c>If-Match</c>; secrets are
/// masked in every response, and a masked secret sent back keeps the stored one unless an endpoint or the token URL
/// moves to another origin), and a session's custom lookup URL
/// at <c>api/sessions/{channel}-{id}/lookup-url</c>. Validation errors are problem+json naming the field. The host
/// maps these handlers and puts them behind the admin key.
/// </summary>
public static class CrmApi
{
    /// <summary><c>GET api/crm/settings</c>: the tenant's settings, secrets masked; 404 when it has none.</summary>
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> GetCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
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
    /// <c>PUT api/crm/settings</c>: creates or replaces the tenant's settings. With <c>If-Match</c> the settings must
    /// not have changed since that ETag was read (412 otherwise).
    /// </summary>
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> ReplaceCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var (body, readProblems) = await JsonRequestBody.ReadAsync<CrmSettings>(services.HttpContext.Request, CrmJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblems is not null)
        {
            return TypedResults.ValidationProblem(readProblems);
        }

        if (tenant is not null && body!.Tenant != TriggerDefaults.Tenant && body.Tenant != tenant)
        {
            return Invalid("tenant", "differs between the query and the body");
        }

        var current = await services.Store.GetAsync(tenant ?? body!.Tenant, cancellationToken).ConfigureAwait(false);
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

        var condition = string.IsNullOrEmpty(ifMatch) || ifMatch == "*" ? null : ifMatch;
        try
        {
            var stored = await services.Store.SaveAsync(normalized, condition, cancellationToken).ConfigureAwait(false);
            services.Catalog.Invalidate(stored.Settings.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(CrmSecrets.Masked(stored.Settings));
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound() || (condition is not null && exception.Status == 400))
        {
            // A malformed If-Match (storage answers 400) cannot match either.
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "CRM settings changed",
                detail: "The settings changed (or were deleted) since the ETag in If-Match was read; GET them again and reapply the change.");
        }
    }

    /// <summary><c>DELETE api/crm/settings</c>: removes the tenant's settings, which stops its CRM calls; 404 when it had none.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCrmSettings(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
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
        if (TenantProblem(tenant) is { } problem)
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
    public static async Task<Results<Ok<CrmSettings>, ValidationProblem, ProblemHttpResult>> ExchangeCrmOAuthCode(
        [AsParameters] CrmApiServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var (body, readProblems) = await JsonRequestBody.ReadAsync<CrmOAuthCodeRequest>(services.HttpContext.Request, CrmJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblems is not null)
        {
            return TypedResults.ValidationProblem(readProblems);
        }

        if (string.IsNullOrWhiteSpace(body!.Code))
        {
            return Invalid("code", "is required: the code the consent page redirected with");
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false);
        if (stored?.Settings.Auth.OAuth is not { } oauth)
        {
            return NoOAuth(Tenant(tenant));
        }

        string refreshToken;
        try
        {
            refreshToken = await services.Tokens.ExchangeCodeAsync(stored.Settings, body.Code, TimeSpan.FromSeconds(stored.Settings.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
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
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var dash = session?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0 || dash == session!.Length - 1)
        {
            return Invalid("session", "must be {channel}-{id}, e.g. call-103646 or chat-73522");
        }

        var key = new SessionKey(Tenant(tenant), session[..dash], session[(dash + 1)..]);
        var (url, missing, kind) = await services.Lookup.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return missing switch
        {
            CrmLookupProblem.None => TypedResults.Ok(url!),
            CrmLookupProblem.NoSettings => NotFound(key.Tenant),
            CrmLookupProblem.UnknownSession => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Session not found", detail: $"Nothing is journaled for session {session} in tenant '{key.Tenant}'."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No lookup URL configured",
                detail: $"Session {session} is a{(kind == CrmLookupUrl.Sdk ? "n SDK" : " phone")} session and lookupUrls.{kind} is not set in the tenant's CRM settings."),
        };
    }

    private static string Tenant(string? tenant) => string.IsNullOrEmpty(tenant) ? TriggerDefaults.Tenant : tenant;

    private static ValidationProblem? TenantProblem(string? tenant) =>
        tenant is null || TriggerValidator.IsValidKey(tenant) ? null : Invalid("tenant", "must be 1–100 letters, digits, '-' or '_'");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult NoOAuth(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No OAuth client", detail: $"Tenant '{tenant}' has no OAuth settings (auth.oauth with an authorizationUrl) in its CRM settings.");

    private static ProblemHttpResult NotFound(string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No CRM settings", detail: $"Tenant '{tenant}' has no CRM settings; PUT api/crm/settings to connect a CRM.");
}
