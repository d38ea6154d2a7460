using Switchboard.Api;

namespace Switchboard.Host.Health;

/// <summary>The liveness route (<see cref="HealthApi"/>).</summary>
public static class HealthRoutes
{
    /// <summary>Maps <c>GET /api/health</c>: 200 when blob, queue and table answer, 503 otherwise.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/health", HealthApi.GetHealth).WithName(nameof(HealthApi.GetHealth));
}
