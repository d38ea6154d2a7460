using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Storage;

/// <summary>
/// Asks each storage service for a one-item listing with a signed request, so a wrong key shows as
/// clearly as a stopped emulator. One short try, no retries: a health check must answer fast.
/// </summary>
public sealed class StorageProbe
{
    private readonly StorageAccount account;
    private readonly Dictionary<StorageService, HttpPipeline> pipelines;

    /// <summary>Creates probes for the account's three services.</summary>
    public StorageProbe(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        this.account = account;
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        pipelines = Enum.GetValues<StorageService>().ToDictionary(s => s, s => account.CreatePipeline(s, options));
    }

    /// <summary>Probes all three services at once.</summary>
    public async Task<IReadOnlyList<StorageProbeResult>> ProbeAllAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(Enum.GetValues<StorageService>().Select(s => ProbeAsync(s, cancellationToken))).ConfigureAwait(false);

    /// <summary>Probes one service; never throws for an unreachable service.</summary>
    public async Task<StorageProbeResult> ProbeAsync(StorageService service, CancellationToken cancellationToken = default)
    {
        var endpoint = account.Endpoint(service);
        var pipeline = pipelines[service];
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Get;
        request.Uri.Reset(endpoint);
        if (service == StorageService.Table)
        {
            request.Uri.AppendPath("Tables", escape: false);
            request.Uri.AppendQuery("$top", "1");
            request.Headers.SetValue("x-ms-version", StorageVersions.Table);
            request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        }
        else
        {
            request.Uri.AppendQuery("comp", "list");
            request.Uri.AppendQuery("maxresults", "1");
            request.Headers.SetValue("x-ms-version", StorageVersions.BlobAndQueue);
        }

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var status = message.Response.Status;
            var error = message.Response.IsError
                ? $"{status} {(message.Response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : message.Response.ReasonPhrase)}"
                : null;
            return new StorageProbeResult(service, endpoint, !message.Response.IsError, status, error);
        }
        catch (RequestFailedException exception)
        {
            return new StorageProbeResult(service, endpoint, false, null, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StorageProbeResult(service, endpoint, false, null, "timed out");
        }
    }
}
