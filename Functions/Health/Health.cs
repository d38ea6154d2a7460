using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Health;
using Switchboard.Storage;

namespace Switchboard.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: liveness and storage reachability, with the same body and status codes as the
/// portable host's endpoint, so one monitor works against either host.
/// </summary>
/// <param name="probe">Asks blob, queue and table storage for a signed one-item listing.</param>
public sealed class Health(StorageProbe probe)
{
    /// <summary>
    /// 200 with <c>{ status: "healthy", storage: { blob, queue, table } }</c> when every service answers;
    /// 503 with the same body and <c>status: "unhealthy"</c> otherwise.
    /// </summary>
    /// <param name="request">The request; nothing in it is read.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        // Anonymous because uptime monitors and load balancers probe without keys; the body names
        // endpoints and errors only, never a key.
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = HealthReport.From(await probe.ProbeAllAsync(cancellationToken));
        return new ObjectResult(report)
        {
            StatusCode = report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
