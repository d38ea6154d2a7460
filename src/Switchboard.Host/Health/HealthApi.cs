using Microsoft.AspNetCore.Http.HttpResults;
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
        var results = await probe.ProbeAllAsync(cancellationToken);
        var storage = results.ToDictionary(
            r => r.Service.ToString().ToLowerInvariant(),
            r => new StorageServiceHealth(r.Endpoint, r.Reachable, r.Status, r.Error));
        var healthy = results.All(r => r.Reachable);
        var report = new HealthReport(healthy ? "healthy" : "unhealthy", storage);
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
