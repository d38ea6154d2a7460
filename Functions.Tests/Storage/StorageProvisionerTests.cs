using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Functions;
using Switchboard.Delivery;
using Switchboard.Host.Development;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Storage;

/// <summary>
/// Provisioning creates everything the hosts use in an empty account, both hosts run it when they start, and a host
/// whose storage is down or silent when it starts still starts, logs it, and provisions once storage answers.
/// </summary>
public sealed class StorageProvisionerTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private static readonly StorageResources Defaults = StorageResources.For(new DeliveryOptions(), new ExportOptions());

    [Fact]
    public async Task Every_table_queue_and_container_of_the_list_exists_after_provisioning_a_fresh_account_and_a_second_run_changes_nothing()
    {
        var resources = StorageResources.For(new DeliveryOptions { PayloadContainer = "dead-letters" }, new ExportOptions { Container = "archive" });
        var provisioner = new StorageProvisioner(azurite.Tables, azurite.Queues, azurite.Blobs);

        await provisioner.ProvisionAsync(resources);
        await provisioner.ProvisionAsync(resources);

        Assert.Contains("dead-letters", resources.Containers);
        Assert.Contains("archive", resources.Containers);
        await AssertExistAsync(resources, azurite.Tables, azurite.Queues, azurite.Blobs);
    }

    [Fact]
    public async Task Both_hosts_provision_when_they_start()
    {
        await using var portable = new HostFactory(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        var functions = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString }).Build())
            .AddSwitchboardFunctions();
        await using var functionsServices = functions.BuildServiceProvider();

        var started = Assert.Single(portable.Services.GetServices<IHostedService>().OfType<StorageProvisioning>());
        await started.Provisioned.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(functionsServices.GetServices<IHostedService>().OfType<StorageProvisioning>());
    }

    [Fact]
    public async Task A_start_with_storage_down_logs_and_goes_on_and_provisions_once_storage_is_up()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint()!;
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var connection = StorageConnection.FromConnectionString(ConnectionString(blob, queue, table));
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var provisioning = Provisioning(connection, loggers);

        var clock = Stopwatch.StartNew();
        await provisioning.StartAsync(CancellationToken.None);
        var started = clock.Elapsed;
        var provisionedWhileDown = provisioning.Provisioned.IsCompleted;
        await using var azuriteUp = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await provisioning.Provisioned.WaitAsync(TimeSpan.FromSeconds(60));
        await provisioning.StopAsync(CancellationToken.None);

        // Refused connections fail at once, so the start does not wait out StartupWait.
        Assert.True(started < StorageProvisioning.StartupWait, $"started after {started}");
        Assert.False(provisionedWhileDown);
        Assert.Contains(logs.Entries, e => e.Text.Contains("storage is unreachable or failing", StringComparison.Ordinal));
        await AssertExistAsync(Defaults, connection.CreateTableServiceClient(), connection.CreateQueueServiceClient(), connection.CreateBlobServiceClient());
    }

    [Fact]
    public async Task A_start_against_storage_that_never_answers_waits_at_most_StartupWait_and_stops_at_once()
    {
        // A listener that never reads: a paused or wedged storage endpoint.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var provisioning = Provisioning(StorageConnection.FromConnectionString(ConnectionString(port, port, port)), loggers);

        var clock = Stopwatch.StartNew();
        await provisioning.StartAsync(CancellationToken.None);
        var started = clock.Elapsed;
        clock.Restart();
        await provisioning.StopAsync(CancellationToken.None);
        var stopped = clock.Elapsed;

        Assert.InRange(started, StorageProvisioning.StartupWait - TimeSpan.FromMilliseconds(100), StorageProvisioning.StartupWait + TimeSpan.FromSeconds(2));
        Assert.True(stopped < TimeSpan.FromSeconds(2), $"stopped after {stopped}");
        Assert.False(provisioning.Provisioned.IsCompleted);
        Assert.Contains(logs.Entries, e => e.Text.Contains("the host starts and keeps trying", StringComparison.Ordinal));
    }

    private static StorageProvisioning Provisioning(StorageConnection connection, ILoggerFactory loggers) => new(
        new StorageProvisioner(connection.CreateTableServiceClient(), connection.CreateQueueServiceClient(), connection.CreateBlobServiceClient()),
        Defaults,
        TimeProvider.System,
        loggers.CreateLogger<StorageProvisioning>());

    private static string ConnectionString(int blob, int queue, int table) =>
        $"AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/{AzuriteProcess.AccountName};QueueEndpoint=http://127.0.0.1:{queue}/{AzuriteProcess.AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{table}/{AzuriteProcess.AccountName}";

    private static async Task AssertExistAsync(StorageResources resources, TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
    {
        var tableNames = new List<string>();
        await foreach (var item in tables.QueryAsync())
        {
            tableNames.Add(item.Name);
        }

        var queueNames = new List<string>();
        await foreach (var item in queues.GetQueuesAsync())
        {
            queueNames.Add(item.Name);
        }

        var containerNames = new List<string>();
        await foreach (var item in blobs.GetBlobContainersAsync())
        {
            containerNames.Add(item.Name);
        }

        Assert.Empty(resources.Tables.Except(tableNames));
        Assert.Empty(resources.Queues.Except(queueNames));
        Assert.Empty(resources.Containers.Except(containerNames));
    }
}
