using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Pipeline;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>Helpers under <c>api/sources</c> for registering Switchboard in the source platforms. Both hosts call these behind the admin key.</summary>
public static class SourcesApi
{
    /// <summary>uContact's <c>webhooks.url</c> column holds at most 256 characters.</summary>
    public const int UcontactMaxUrlLength = 256;

    private static readonly string[] UcontactEvents = ["AgentRingNoAnswer", "AgentLog", "AgentBreak", "FinishInteraction", "InteractionDisposition"];

    /// <summary>Maps the routes under <c>api/sources</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/sources").WithTags("Sources");
        group.MapGet("ucontact/registration", GetUcontactRegistration).WithName(nameof(GetUcontactRegistration)).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    /// <summary>
    /// <c>GET api/sources/ucontact/registration</c>: the ingest URL (on <see cref="IngestOptions.PublicBaseUrl"/>, else the
    /// request's host, with the first ingest key as <c>?code=</c>) and an UPDATE per event row; 422 when the URL is over
    /// 256 characters, 409 when no ingest key is configured.
    /// </summary>
    public static Results<Ok<UcontactRegistration>, ValidationProblem, ProblemHttpResult> GetUcontactRegistration(
        HttpContext httpContext, IOptions<IngestOptions> ingest, string? tenant)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(ingest);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var key = ingest.Value.Keys.FirstOrDefault(k => !string.IsNullOrEmpty(k));
        if (key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No ingest key", detail: "Configure Ingest:Keys first: uContact must present a key.");
        }

        var baseUrl = ingest.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{httpContext.Request.Scheme}://{httpContext.Request.Host}";
        var query = tenant is null or TriggerDefaults.Tenant ? string.Empty : $"tenant={Uri.EscapeDataString(tenant)}&";
        var url = $"{baseUrl}/api/events/ucontact?{query}code={Uri.EscapeDataString(key)}";
        if (url.Length > UcontactMaxUrlLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Ingest URL too long for uContact",
                detail: $"The ingest URL is {url.Length} characters; uContact's webhooks.url holds {UcontactMaxUrlLength}. " +
                    "Use a shorter public host name (Ingest:PublicBaseUrl), tenant name or ingest key.");
        }

        var quoted = url.Replace("'", "''", StringComparison.Ordinal);
        var statements = UcontactEvents.Select(e => $"UPDATE ccdata.webhooks SET url = '{quoted}' WHERE event = '{e}';").ToList();
        return TypedResults.Ok(new UcontactRegistration(url, url.Length, UcontactMaxUrlLength, statements));
    }
}
