using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Switchboard.Host.Development;
using Switchboard.Storage;

namespace Switchboard.Tests.Azurite;

/// <summary>
/// An Azurite of a test class's own, for tests that watch the pipeline's fixed queues (switchboard-events,
/// switchboard-jobs) and so must not share them with other tests. With SWITCHBOARD_TEST_STORAGE set, that
/// account is used instead and should be otherwise idle while these tests run.
/// </summary>
public sealed class DedicatedAzurite : IAsyncLifetime
{
    private AzuriteProcess? process;

    /// <summary>The connection string of the account.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Blob storage of the account, with the clients' production options.</summary>
    public BlobServiceClient Blobs { get; private set; } = null!;

    /// <summary>Queue storage of the account (base64 messages, as the hosts send them).</summary>
    public QueueServiceClient Queues { get; private set; } = null!;

    /// <summary>Table storage of the account.</summary>
    public TableServiceClient Tables { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
        }
        else
        {
            var (blob, queue, table) = AzuriteProcess.FreePorts();
            process = await AzuriteProcess.StartAsync(AzuriteProcess.FindEntryPoint()!, blob, queue, table);
            ConnectionString = process.ConnectionString;
        }

        var connection = StorageConnection.FromConnectionString(ConnectionString);
        Blobs = connection.CreateBlobServiceClient();
        Queues = connection.CreateQueueServiceClient();
        Tables = connection.CreateTableServiceClient();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
