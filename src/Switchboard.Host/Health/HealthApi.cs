using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Health;
using Switchboard.Storage;

namespace Switchboard.Host.Health;

/// <summary>Liveness and storage reachability.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>GET /api/health</c>: 200 when blob, queue and table answer, 503 otherwise.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/health", GetHealth).WithName("GetHealth");

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(StorageProbe probe, CancellationToken cancellationToken)
    {
        var report = HealthReport.From(await probe.ProbeAllAsync(cancellationToken));
        return report.Status == "healthy" ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
