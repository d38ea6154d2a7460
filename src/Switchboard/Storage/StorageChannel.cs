using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Storage;

/// <summary>
/// One service's pipeline with the headers every request to it carries (<c>x-ms-version</c>, and for
/// tables the OData headers), turning refused requests into <see cref="StorageException"/>.
/// </summary>
internal sealed class StorageChannel(HttpPipeline pipeline, Uri endpoint, StorageService service)
{
    /// <summary>The service endpoint, ending in a slash.</summary>
    public Uri Endpoint { get; } = endpoint;

    /// <summary>A request to <paramref name="relative"/> (escaped path and query) under the endpoint.</summary>
    public HttpMessage Create(RequestMethod method, string relative)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(Endpoint, relative));
        if (service == StorageService.Table)
        {
            request.Headers.SetValue("x-ms-version", StorageVersions.Table);
            request.Headers.SetValue("DataServiceVersion", "3.0");
            request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        }
        else
        {
            request.Headers.SetValue("x-ms-version", StorageVersions.BlobAndQueue);
        }

        return message;
    }

    /// <summary>
    /// Sends the message; a status in <paramref name="accepted"/> is returned even when it is an error
    /// status (a 404 a caller expects, say); any other error throws <see cref="StorageException"/>.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] accepted)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError && !accepted.Contains(response.Status))
        {
            throw Failure(response);
        }

        return response;
    }

    /// <summary>The exception for a refused response, with the service's error code and message.</summary>
    public static StorageException Failure(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? detail = null;
        try
        {
            var body = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body) && body.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("odata.error", out var error))
                {
                    code ??= error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    detail = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v)
                        ? v.GetString()
                        : null;
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable error body still leaves the status and header code to report.
        }
        catch (InvalidOperationException)
        {
            // A streamed (unbuffered) response has no content to read here.
        }

        var text = $"Storage request {response.ClientRequestId} failed: {response.Status} {code ?? response.ReasonPhrase}";
        return new StorageException(response.Status, code, detail is null ? text : $"{text}: {detail}");
    }
}
