using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Api;
using Switchboard.Functions.Http;
using Switchboard.Storage;

namespace Switchboard.Functions.Health;

/// <summary><c>GET /api/health</c>: <see cref="HealthApi.GetHealth"/>, as the portable host answers it.</summary>
/// <param name="probe">Asks blob, queue and table storage for a signed one-item listing.</param>
public sealed class Health(StorageProbe probe)
{
    /// <summary>200 when every storage service answers, 503 with the same body otherwise.</summary>
    /// <param name="request">The request; nothing in it is read.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(Health))]
    public async Task<IActionResult> Run(
        // Anonymous because uptime monitors and load balancers probe without keys; the body names
        // endpoints and errors only, never a key.
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultAction(await HealthApi.GetHealth(probe, cancellationToken));
}
