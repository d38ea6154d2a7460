using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Host.Queues;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Queues;

/// <summary>
/// A queue of a test's own on Azurite, with the portable host's <see cref="QueueWorker"/> for it made as the host makes
/// it, and what a test needs to look at the queue and its poison queue from outside.
/// </summary>
internal sealed class WorkerHarness(AzuriteFixture azurite)
{
    public string Name { get; } = AzuriteFixture.UniqueName("q");

    /// <summary>The queue, read and written as the hosts do (base64 text).</summary>
    public QueueClient Queue => azurite.Queues.GetQueueClient(Name);

    public QueueClient Poison => azurite.Queues.GetQueueClient(QueueNames.Poison(Name));

    public ClaimCheck Claims => new(azurite.Blobs.GetBlobContainerClient(QueueNames.ClaimContainer));

    /// <summary>Options that poll an idle queue every 25–100 ms, so a test does not wait for the default second.</summary>
    public static QueueOptions Quick(int maxDequeueCount = 5) => new()
    {
        MinPollInterval = TimeSpan.FromMilliseconds(25),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        MaxDequeueCount = maxDequeueCount,
    };

    public QueueWorker Worker(IQueueMessageHandler handler, QueueOptions options, TimeProvider time, ILoggerFactory? logs = null) => new(
        StorageConnection.FromConnectionString(azurite.ConnectionString),
        handler,
        Claims,
        Options.Create(options),
        time,
        (logs ?? NullLoggerFactory.Instance).CreateLogger<QueueWorker>());

    public async Task SendAsync(params string[] texts)
    {
        await Queue.CreateIfNotExistsAsync();
        foreach (var text in texts)
        {
            await Queue.SendMessageAsync(text);
        }
    }

    /// <summary>Messages on the queue, hidden ones included (a message someone holds still counts).</summary>
    public async Task<int> CountAsync() => (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>What the poison queue holds, each record opened from its claim when it is one.</summary>
    public async Task<IReadOnlyList<PoisonedMessage>> PoisonedAsync()
    {
        if (!(await Poison.ExistsAsync()).Value)
        {
            return [];
        }

        var records = new List<PoisonedMessage>();
        foreach (var message in (await Poison.PeekMessagesAsync(32)).Value)
        {
            records.Add(JsonSerializer.Deserialize<PoisonedMessage>(await Claims.OpenAsync(message.Body.ToString()))!);
        }

        return records;
    }
}
