using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Switchboard.Api;
using Switchboard.Functions.Http;
using Switchboard.Sessions;

namespace Switchboard.Functions.Sessions;

/// <summary>
/// Reading the session archive under <c>/api/sessions</c>: one function per route, each the admin key and a call to the
/// <see cref="SessionsApi"/> handler the portable host maps to the same route.
/// </summary>
/// <param name="blobs">The blob service holding the archive.</param>
/// <param name="options">Section <c>Export</c>: the archive's container and folder.</param>
/// <param name="admin">The admin key check.</param>
public sealed class SessionsHttp(BlobServiceClient blobs, IOptions<ExportOptions> options, AdminGate admin)
{
    /// <summary><c>GET /api/sessions/archive</c>: <see cref="SessionsApi.ListArchive"/>.</summary>
    [Function(nameof(SessionsApi.ListArchive))]
    public Task<IActionResult> ListArchive(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sessions/archive")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => SessionsApi.ListArchive(blobs, options, ApiQuery.Tenant(request), ApiQuery.Text(request, "folder"), cancellationToken));

    /// <summary><c>GET /api/sessions/{channel}/{id}</c>: <see cref="SessionsApi.GetSessionMetadata"/>.</summary>
    [Function(nameof(SessionsApi.GetSessionMetadata))]
    public Task<IActionResult> GetSessionMetadata(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sessions/{channel}/{id}")] HttpRequest request, string channel, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => SessionsApi.GetSessionMetadata(blobs, options, channel, id, ApiQuery.Tenant(request), cancellationToken));
}
