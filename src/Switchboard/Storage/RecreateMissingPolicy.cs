using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Storage;

/// <summary>
/// Creates a table, queue or container that has gone missing under a running host (storage wiped, or a resource
/// deleted by hand) and sends the request once more, so every store recovers at its next call instead of failing
/// until the host restarts: <see cref="StorageProvisioner"/> creates them only when the host starts.
/// </summary>
/// <param name="serviceUri">The service endpoint the requests are relative to.</param>
/// <param name="errorCode">What the service answers for the missing resource: TableNotFound, QueueNotFound or ContainerNotFound.</param>
/// <param name="create">Creates the named resource unless it exists.</param>
public sealed class RecreateMissingPolicy(Uri serviceUri, string errorCode, Func<string, CancellationToken, Task> create) : HttpPipelinePolicy
{
    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        await SendAsync(message, pipeline, async).ConfigureAwait(false);
        if (AsksAboutExistence(message.Request) || !IsMissing(message) || ResourceName(message.Request.Uri.ToUri()) is not { } name)
        {
            return;
        }

        // Creation always goes through the async client; the SDK never calls a sync path of ours.
        await create(name, message.CancellationToken).ConfigureAwait(false);
        await SendAsync(message, pipeline, async).ConfigureAwait(false);
    }

    private static ValueTask SendAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
        {
            return ProcessNextAsync(message, pipeline);
        }

        ProcessNext(message, pipeline);
        return ValueTask.CompletedTask;
    }

    // Whether something exists (HEAD, a container's or queue's properties) and deleting it are answered as they are:
    // neither should bring the resource back.
    private static bool AsksAboutExistence(Request request)
    {
        if (request.Method == RequestMethod.Head || request.Method == RequestMethod.Delete)
        {
            return true;
        }

        var query = request.Uri.Query;
        return query.Contains("comp=metadata", StringComparison.Ordinal)
            || (query.Contains("restype=container", StringComparison.Ordinal) && !query.Contains("comp=list", StringComparison.Ordinal));
    }

    // The error code is in a header where the service sends one, else in the (buffered) error body.
    private bool IsMissing(HttpMessage message)
    {
        var response = message.Response;
        if (response.Status != 404)
        {
            return false;
        }

        return response.Headers.TryGetValue("x-ms-error-code", out var code)
            ? code == errorCode
            : response.ContentStream is MemoryStream && response.Content.ToString().Contains(errorCode, StringComparison.Ordinal);
    }

    // The first path segment after the service's own: the table (before any "(keys)"), queue or container.
    private string? ResourceName(Uri request)
    {
        var servicePath = serviceUri.AbsolutePath.TrimEnd('/');
        var path = request.AbsolutePath;
        if (!path.StartsWith(servicePath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var segment = path[(servicePath.Length + 1)..].Split('/')[0];
        var name = Uri.UnescapeDataString(segment.Split('(')[0]);
        return name.Length == 0 || name.StartsWith('$') || name == "Tables" ? null : name;
    }
}
