using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>Reading the session archive under <c>api/sessions</c>: its files, and one session's metadata. Both hosts call these behind the admin key.</summary>
public static class SessionsApi
{
    private const int MaxFiles = 1000;

    /// <summary>Maps the routes under <c>api/sessions</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/sessions").WithTags("Sessions");
        group.MapGet("archive", ListArchive).WithName(nameof(ListArchive));
        group.MapGet("{channel}/{id}", GetSessionMetadata).WithName(nameof(GetSessionMetadata)).ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary><c>GET api/sessions/archive?folder=</c>: up to 1000 archive files (name, size, type) under the folder (default <c>ujet-</c>).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ArchivedFile>>, ValidationProblem>> ListArchive(
        BlobServiceClient blobs, IOptions<ExportOptions> options, string? tenant, string? folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        if (new InputProblems().Tenant(tenant).OptionalText("folder", folder).Problem is { } problem)
        {
            return problem;
        }

        var container = blobs.GetBlobContainerClient(options.Value.Container);
        var root = ArchiveLayout.Resolve(options.Value.FolderPath, tenant ?? TriggerDefaults.Tenant, folder ?? "ujet-");
        var files = new List<ArchivedFile>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = root }, cancellationToken).ConfigureAwait(false))
            {
                var properties = blob.Properties;
                files.Add(new ArchivedFile(blob.Name, properties.ContentLength ?? 0, properties.ContentType, properties.LastModified ?? default));
                if (files.Count == MaxFiles)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            // No session has been exported yet, so the container does not exist.
        }

        return TypedResults.Ok<IReadOnlyList<ArchivedFile>>(files);
    }

    /// <summary>
    /// <c>GET api/sessions/{channel}/{id}</c>: the session's exported metadata file; 404 until it is exported. A '/' in
    /// the channel or id travels as <c>%2F</c>.
    /// </summary>
    public static async Task<Results<Ok<JsonElement>, ProblemHttpResult, ValidationProblem>> GetSessionMetadata(
        BlobServiceClient blobs, IOptions<ExportOptions> options, string channel, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        channel = RouteText.Unescape(channel)!;
        id = RouteText.Unescape(id)!;
        if (new InputProblems().Name("channel", channel).Name("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var session = new SessionKey(tenant ?? TriggerDefaults.Tenant, channel, id);
        var path = ArchiveLayout.Resolve(options.Value.FolderPath, session.Tenant, ArchiveLayout.Metadata(session));
        try
        {
            var download = await blobs.GetBlobContainerClient(options.Value.Container).GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(download.Value.Content);
            return TypedResults.Ok(json.RootElement.Clone());
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            return FieldProblems.NotFound("id", "Not exported yet", $"{path} does not exist: the session is unknown, still open, or ended less than Export:Delay ago.");
        }
    }
}
