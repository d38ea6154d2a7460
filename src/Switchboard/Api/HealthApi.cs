using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Health;
using Switchboard.Storage;

namespace Switchboard.Api;

/// <summary>Liveness and storage reachability, the same body and status codes in both hosts so one monitor works against either.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>GET api/health</c>; no key, so monitors can probe it.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/health", GetHealth).WithName(nameof(GetHealth)).WithTags("Health").Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// <c>GET api/health</c>: 200 with <c>{ status: "healthy", storage: { blob, queue, table } }</c> when every service
    /// answers; 503 with the same body and <c>status: "unhealthy"</c> otherwise.
    /// </summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(StorageProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var report = HealthReport.From(await probe.ProbeAllAsync(cancellationToken).ConfigureAwait(false));
        return report.Status == "healthy" ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
