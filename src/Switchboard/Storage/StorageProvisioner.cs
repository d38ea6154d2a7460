using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Switchboard.Storage;

/// <summary>
/// Creates the tables, queues and blob containers Switchboard works in, so no store has to check on its own calls.
/// Run once when a host starts (<see cref="StorageProvisioning"/>); one that goes missing later is created again by
/// <see cref="RecreateMissingPolicy"/>.
/// </summary>
public sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    /// <summary>
    /// Creates every resource of <paramref name="resources"/> that does not exist, all at once; those that exist are left
    /// as they are. Throws what the storage service or the SDK threw for the first that failed
    /// (<see cref="StorageOutage.Is"/> tells an outage); the others are still created.
    /// </summary>
    public async Task ProvisionAsync(StorageResources resources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resources);
        await Task.WhenAll(
            resources.Tables.Select(name => (Task)tables.CreateTableIfNotExistsAsync(name, cancellationToken))
                .Concat(resources.Queues.Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(resources.Containers.Select(name => blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken))))
            .ConfigureAwait(false);
    }
}
