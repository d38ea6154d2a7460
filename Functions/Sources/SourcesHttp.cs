using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Switchboard.Api;
using Switchboard.Functions.Http;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Sources;

/// <summary>The source registration helpers under <c>/api/sources</c>: the admin key and a call to <see cref="SourcesApi"/>.</summary>
/// <param name="ingest">Section <c>Ingest</c>: its keys and public base URL.</param>
/// <param name="admin">The admin key check.</param>
public sealed class SourcesHttp(IOptions<IngestOptions> ingest, AdminGate admin)
{
    /// <summary>
    /// <c>GET /api/sources/ucontact/registration</c>: <see cref="SourcesApi.GetUcontactRegistration"/>. Set
    /// <c>Ingest:PublicBaseUrl</c> on Azure: the request this function sees comes through the Functions host.
    /// </summary>
    [Function(nameof(SourcesApi.GetUcontactRegistration))]
    public IActionResult GetUcontactRegistration(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sources/ucontact/registration")] HttpRequest request) =>
        admin.Run(request, () => SourcesApi.GetUcontactRegistration(request.HttpContext, ingest, ApiQuery.Tenant(request)));
}
