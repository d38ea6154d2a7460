using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Events;
using Switchboard.Host.Development;
using Switchboard.Host.Queues;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.Host;

public sealed class QueueWorkerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_at_once_and_the_others_are_handled()
    {
        var name = AzuriteFixture.UniqueName("w");
        var raw = new QueueClient(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync("not base64: {\"a\":1}");
        await azurite.Queues.GetQueueClient(name).SendMessageAsync("""{"ok":1}""");
        var handler = new RecordingHandler(name);
        var poison = azurite.Queues.GetQueueClient(QueueNames.Poison(name));
        using var worker = new QueueWorker(
            StorageConnection.FromConnectionString(azurite.ConnectionString),
            handler,
            new ClaimCheck(azurite.Blobs.GetBlobContainerClient(QueueNames.ClaimContainer)),
            Options.Create(new QueueOptions { MaxPollInterval = TimeSpan.FromMilliseconds(200) }),
            TimeProvider.System,
            NullLogger<QueueWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(
            async () => !handler.Handled.IsEmpty && (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync()).Value.Length == 1,
            TimeSpan.FromSeconds(15),
            "the good message is handled and the bad one poisoned");
        await worker.StopAsync(CancellationToken.None);

        var record = JsonSerializer.Deserialize<PoisonedMessage>(Assert.Single((await poison.PeekMessagesAsync()).Value).Body.ToString())!;
        Assert.Equal(["""{"ok":1}"""], handler.Handled);
        Assert.Equal(name, record.Queue);
        Assert.Equal(1, record.DequeueCount);
        Assert.Equal("not base64: {\"a\":1}", record.MessageText);
        Assert.Contains("not base64", record.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Ingest_gives_up_within_seconds_when_storage_refuses_connections()
    {
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var nowhere = StorageConnection.FromConnectionString(
            $"AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};BlobEndpoint=http://127.0.0.1:{blob}/{AzuriteProcess.AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/{AzuriteProcess.AccountName};TableEndpoint=http://127.0.0.1:{table}/{AzuriteProcess.AccountName}");
        var ingest = new IngestEvent(
            nowhere.CreateQueueServiceClient().GetQueueClient(QueueNames.Events),
            new ClaimCheck(nowhere.CreateBlobServiceClient().GetBlobContainerClient(QueueNames.ClaimContainer)),
            TimeProvider.System);
        var ucontact = new SourceAdapters(new SourceOptions()).Find("ucontact")!;
        var clock = Stopwatch.StartNew();

        // The SDK's default retries alone would wait 0.8 + 1.6 + 3.2 s before giving up.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ingest.RunAsync(ucontact, "default", Encoding.UTF8.GetBytes(PrintedPayloads.UcontactAgentLogin), "application/json", null));

        Assert.True(failure is RequestFailedException or AggregateException, failure.GetType().Name);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"gave up after {clock.Elapsed}");
    }

    private sealed class RecordingHandler(string queueName) : IQueueMessageHandler
    {
        public ConcurrentQueue<string> Handled { get; } = new();

        public string QueueName => queueName;

        public Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
        {
            Handled.Enqueue(messageText);
            return Task.CompletedTask;
        }
    }
}
