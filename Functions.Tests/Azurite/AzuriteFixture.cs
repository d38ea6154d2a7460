using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Switchboard.Delivery;
using Switchboard.Host.Development;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Tests.Azurite;

/// <summary>
/// Storage for integration tests: one Azurite for the whole test run (blob, queue and table on free
/// loopback ports, in memory), started by the first test class that needs it and gone when the test
/// process is, however it ends. When SWITCHBOARD_TEST_STORAGE holds a connection string, that account is used instead.
/// The account holds what a host provisions at its start (the default <see cref="StorageResources"/>); tests that work
/// in resources of their own, named with <see cref="UniqueName"/>, provision them (<see cref="ProvisionAsync"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Shared = new(StartSharedAsync);
    private static readonly Lazy<Task> Provisioned = new(ProvisionSharedAsync);
    private static AzuriteProcess? process;

    /// <summary>The connection string of the test storage account.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Blob storage of the test account, with the clients' production options.</summary>
    public BlobServiceClient Blobs { get; private set; } = null!;

    /// <summary>Queue storage of the test account (base64 messages, as the hosts send them).</summary>
    public QueueServiceClient Queues { get; private set; } = null!;

    /// <summary>Table storage of the test account.</summary>
    public TableServiceClient Tables { get; private set; } = null!;

    /// <summary>A name no other test uses, valid for tables, queues and containers alike.</summary>
    public static string UniqueName(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 63)];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ConnectionString = await Shared.Value;
        var connection = StorageConnection.FromConnectionString(ConnectionString);
        Blobs = connection.CreateBlobServiceClient();
        Queues = connection.CreateQueueServiceClient();
        Tables = connection.CreateTableServiceClient();
        await Provisioned.Value;
    }

    /// <summary>Creates a test's own tables, queues and containers, as a host creates its own at start-up.</summary>
    public Task ProvisionAsync(StorageResources resources) => Provisioner(ConnectionString).ProvisionAsync(resources);

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task ProvisionSharedAsync() =>
        await Provisioner(await Shared.Value).ProvisionAsync(StorageResources.For(new DeliveryOptions(), new ExportOptions()));

    private static StorageProvisioner Provisioner(string connectionString)
    {
        var connection = StorageConnection.FromConnectionString(connectionString);
        return new StorageProvisioner(connection.CreateTableServiceClient(), connection.CreateQueueServiceClient(), connection.CreateBlobServiceClient());
    }

    private static async Task<string> StartSharedAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var entryPoint = AzuriteProcess.FindEntryPoint()
            ?? throw new InvalidOperationException("node_modules/azurite is missing: run 'npm ci' in the repository root.");

        // Another process may take a port between choosing it and Azurite binding it; a second choice settles it.
        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = AzuriteProcess.FreePorts();
            try
            {
                process = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }

        // No disposal here: AzuriteProcess stops the emulator when this process exits or unloads, and the emulator
        // stops by itself when this process dies without either (its stdin pipe closes).
        return process.ConnectionString;
    }
}
