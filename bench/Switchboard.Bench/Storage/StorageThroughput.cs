using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Switchboard.Host.Development;
using Switchboard.Storage;
using Switchboard.Tests.Storage;

namespace Switchboard.Bench.Storage;

/// <summary>
/// Entity upserts/s and queue send+receive+delete/s against a fresh in-memory Azurite, through the Azure SDK
/// clients as Switchboard configures them and through a bare HttpClient making the same requests (the baseline),
/// so the ratio shows what the SDK pipeline costs on top of the wire; then the bytes a 100 MiB streamed upload
/// allocates.
/// </summary>
public static class StorageThroughput
{
    private const int Concurrency = 8;
    private const long UploadBytes = 100L * 1024 * 1024;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var entryPoint = AzuriteProcess.FindEntryPoint() ?? throw new InvalidOperationException("Run 'npm ci' first.");
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        await using var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        var connection = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var tables = connection.CreateTableServiceClient();
        var queues = connection.CreateQueueServiceClient();
        using var bare = new BareStorage(azurite);

        Console.WriteLine($"Azurite in memory, {count} operations each, {Concurrency} at a time, {Environment.ProcessorCount} cores");

        // Azurite and the JIT warm up over the first thousands of requests, and Azurite slows as its
        // in-memory state grows: the first round only warms, then each side runs twice in ABBA order
        // and its mean is reported, so neither side always meets the fuller emulator.
        await MeasureAsync(count, await SdkUpsertsAsync(tables));
        await MeasureAsync(count, await SdkQueueAsync(queues));
        var upserts = await AbbaAsync(count, () => SdkUpsertsAsync(tables), () => BareUpsertsAsync(bare, tables));
        var messages = await AbbaAsync(count, () => SdkQueueAsync(queues), () => BareQueueAsync(bare, queues));
        Report("table upserts/s", upserts.Sdk, upserts.Bare);
        Report("queue send+receive+delete/s", messages.Sdk, messages.Bare);

        var allocated = await UploadAllocationAsync(connection.CreateBlobServiceClient());
        Console.WriteLine($"100 MiB streamed upload allocated {allocated / 1024.0 / 1024.0:F1} MiB");
    }

    internal static async Task<double> MeasureAsync(int count, Func<int, Task> operation)
    {
        for (var i = 0; i < 50; i++)
        {
            await operation(-1 - i);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await operation(i);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double Sdk, double Bare)> AbbaAsync(int count, Func<Task<Func<int, Task>>> sdk, Func<Task<Func<int, Task>>> bare)
    {
        var a1 = await MeasureAsync(count, await sdk());
        var b1 = await MeasureAsync(count, await bare());
        var b2 = await MeasureAsync(count, await bare());
        var a2 = await MeasureAsync(count, await sdk());
        return ((a1 + a2) / 2, (b1 + b2) / 2);
    }

    private static void Report(string what, double sdk, double bare) =>
        Console.WriteLine($"{what,-30} Azure SDK {sdk,8:F0}   bare HttpClient {bare,8:F0}   ratio {sdk / bare:F2}");

    private static async Task<Func<int, Task>> SdkUpsertsAsync(TableServiceClient tables)
    {
        var table = tables.GetTableClient("sdk" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        return async i => await table.UpsertEntityAsync(new TableEntity("bench", $"{i}") { ["Text"] = "hello", ["N"] = i });
    }

    private static async Task<Func<int, Task>> BareUpsertsAsync(BareStorage bare, TableServiceClient tables)
    {
        var name = "bare" + Guid.NewGuid().ToString("N")[..8];
        await tables.GetTableClient(name).CreateIfNotExistsAsync();
        return i => bare.UpsertEntityAsync(name, "bench", $"{i}", $$"""{"PartitionKey":"bench","RowKey":"{{i}}","Text":"hello","N":{{i}}}""");
    }

    private static async Task<Func<int, Task>> SdkQueueAsync(QueueServiceClient queues)
    {
        var queue = queues.GetQueueClient("sdk-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateIfNotExistsAsync();
        return async i =>
        {
            await queue.SendMessageAsync($"message {i}");
            foreach (var message in (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        };
    }

    private static async Task<Func<int, Task>> BareQueueAsync(BareStorage bare, QueueServiceClient queues)
    {
        var name = "bare-" + Guid.NewGuid().ToString("N")[..8];
        await queues.GetQueueClient(name).CreateIfNotExistsAsync();
        return async i =>
        {
            await bare.SendMessageAsync(name, Convert.ToBase64String(Encoding.UTF8.GetBytes($"message {i}")));
            foreach (var (id, popReceipt) in await bare.ReceiveMessagesAsync(name, 1, 30))
            {
                await bare.DeleteMessageAsync(name, id, popReceipt);
            }
        };
    }

    /// <summary>What uploading a 100 MiB stream of unknown length allocates, as an export copies a recording.</summary>
    private static async Task<long> UploadAllocationAsync(BlobServiceClient blobs)
    {
        var container = blobs.GetBlobContainerClient("bench-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("recording.wav");

        // A first, small upload warms the JIT and the pipeline, so the figure is the upload's own.
        await container.GetBlobClient("warm.wav").UploadAsync(new PatternStream(StreamedBlobUpload.BlockBytes + 1), StreamedBlobUpload.CreateOnly("audio/wav"));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await blob.UploadAsync(new PatternStream(UploadBytes), StreamedBlobUpload.CreateOnly("audio/wav"));
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
