using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Switchboard.Storage;

/// <summary>
/// Asks each storage service for a one-item listing with the account's credentials, so a wrong key shows as clearly
/// as a stopped emulator. One short try, no retries: a health check must answer fast.
/// </summary>
public sealed class StorageProbe
{
    private readonly BlobServiceClient blobs;
    private readonly QueueServiceClient queues;
    private readonly TableServiceClient tables;

    /// <summary>Creates probes for the account's three services.</summary>
    public StorageProbe(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        blobs = connection.CreateBlobServiceClient(OneShortTry(StorageConnection.BlobOptions()));
        queues = connection.CreateQueueServiceClient(OneShortTry(StorageConnection.QueueOptions()));
        tables = connection.CreateTableServiceClient(OneShortTry(StorageConnection.TableOptions()));
    }

    /// <summary>Probes all three services at once.</summary>
    public async Task<IReadOnlyList<StorageProbeResult>> ProbeAllAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(Enum.GetValues<StorageService>().Select(s => ProbeAsync(s, cancellationToken))).ConfigureAwait(false);

    /// <summary>Probes one service; never throws for an unreachable or refusing service.</summary>
    public async Task<StorageProbeResult> ProbeAsync(StorageService service, CancellationToken cancellationToken = default)
    {
        var endpoint = service switch
        {
            StorageService.Blob => blobs.Uri,
            StorageService.Queue => queues.Uri,
            StorageService.Table => tables.Uri,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown storage service."),
        };
        try
        {
            var status = service switch
            {
                StorageService.Blob => await FirstPageStatusAsync(blobs.GetBlobContainersAsync(cancellationToken: cancellationToken)).ConfigureAwait(false),
                StorageService.Queue => await FirstPageStatusAsync(queues.GetQueuesAsync(cancellationToken: cancellationToken)).ConfigureAwait(false),
                _ => await FirstPageStatusAsync(tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken)).ConfigureAwait(false),
            };
            return new StorageProbeResult(service, endpoint, true, status, null);
        }
        catch (RequestFailedException exception) when (exception.Status != 0)
        {
            return new StorageProbeResult(service, endpoint, false, exception.Status, $"{exception.Status} {exception.ErrorCode}");
        }
        catch (RequestFailedException exception)
        {
            // Status 0: nothing answered (connection refused, name not resolved).
            return new StorageProbeResult(service, endpoint, false, null, exception.Message);
        }
        catch (AggregateException exception)
        {
            // How the SDK reports several failed tries; with retries off there is one, but the probe must not throw.
            return new StorageProbeResult(service, endpoint, false, null, exception.InnerExceptions[^1].Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StorageProbeResult(service, endpoint, false, null, "timed out");
        }
    }

    private static T OneShortTry<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    private static async Task<int> FirstPageStatusAsync<T>(AsyncPageable<T> pageable)
        where T : notnull
    {
        await foreach (var page in pageable.AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            return page.GetRawResponse().Status;
        }

        throw new InvalidOperationException("A listing returned no page.");
    }
}
