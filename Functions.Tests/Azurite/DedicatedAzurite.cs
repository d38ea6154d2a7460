using Switchboard.Host.Development;

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

    /// <summary>The account.</summary>
    public Switchboard.Storage.StorageAccount Account => Switchboard.Storage.StorageAccount.Parse(ConnectionString);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        var (blob, queue, table) = AzuriteProcess.FreePorts();
        process = await AzuriteProcess.StartAsync(AzuriteProcess.FindEntryPoint()!, blob, queue, table);
        ConnectionString = process.ConnectionString;
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
