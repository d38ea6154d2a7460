using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Switchboard.Host.Development;
using Switchboard.Storage;

namespace Switchboard.Bench.Storage;

/// <summary>
/// Entity upserts/s and queue send+receive+delete/s against a fresh in-memory Azurite, through our
/// clients and through a bare HttpClient making the same signed requests (the baseline). The ratio
/// shows what the Azure.Core pipeline and our clients cost on top of the wire.
/// </summary>
public static class StorageThroughput
{
    private const int Concurrency = 8;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var entryPoint = AzuriteProcess.FindEntryPoint() ?? throw new InvalidOperationException("Run 'npm ci' first.");
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        await using var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        var account = azurite.Account;
        using var http = new HttpClient();

        Console.WriteLine($"Azurite in memory, {count} operations each, {Concurrency} at a time, {Environment.ProcessorCount} cores");

        // Azurite and the JIT warm up over the first thousands of requests, and Azurite slows as its
        // in-memory state grows: the first round only warms, then each side runs twice in ABBA order
        // and its mean is reported, so neither side always meets the fuller emulator.
        await MeasureAsync(count, await OurUpsertsAsync(account));
        await MeasureAsync(count, await OurQueueAsync(account));
        var upserts = await AbbaAsync(count, () => OurUpsertsAsync(account), () => BareUpsertsAsync(http, account));
        var queues = await AbbaAsync(count, () => OurQueueAsync(account), () => BareQueueAsync(http, account));
        Report("table upserts/s", upserts.Ours, upserts.Bare);
        Report("queue send+receive+delete/s", queues.Ours, queues.Bare);
    }

    private static async Task<(double Ours, double Bare)> AbbaAsync(int count, Func<Task<Func<int, Task>>> ours, Func<Task<Func<int, Task>>> bare)
    {
        var a1 = await MeasureAsync(count, await ours());
        var b1 = await MeasureAsync(count, await bare());
        var b2 = await MeasureAsync(count, await bare());
        var a2 = await MeasureAsync(count, await ours());
        return ((a1 + a2) / 2, (b1 + b2) / 2);
    }

    private static void Report(string what, double ours, double bare) =>
        Console.WriteLine($"{what,-30} Switchboard {ours,8:F0}   bare HttpClient {bare,8:F0}   ratio {ours / bare:F2}");

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

    private static async Task<Func<int, Task>> OurUpsertsAsync(StorageAccount account)
    {
        var table = account.GetTableClient("ours" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        return async i => await table.UpsertEntityAsync(new TableEntity("bench", $"{i}") { ["Text"] = "hello", ["N"] = i });
    }

    private static async Task<Func<int, Task>> BareUpsertsAsync(HttpClient http, StorageAccount account)
    {
        var name = "bare" + Guid.NewGuid().ToString("N")[..8];
        await account.GetTableClient(name).CreateIfNotExistsAsync();
        return async i =>
        {
            var uri = new Uri(account.TableEndpoint, $"{name}(PartitionKey='bench',RowKey='{i}')");
            using var request = new HttpRequestMessage(HttpMethod.Patch, uri)
            {
                Content = new StringContent($$"""{"PartitionKey":"bench","RowKey":"{{i}}","Text":"hello","N":{{i}}}""", Encoding.UTF8, "application/json"),
            };
            var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            request.Headers.Add("x-ms-date", date);
            request.Headers.Add("x-ms-version", StorageVersions.Table);
            request.Headers.Add("DataServiceVersion", "3.0");
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "SharedKeyLite", $"{account.Name}:{account.SharedKey!.Sign(SharedKeyLitePolicy.StringToSign(date, uri, account.Name))}");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        };
    }

    private static async Task<Func<int, Task>> OurQueueAsync(StorageAccount account)
    {
        var queue = account.GetQueueClient("ours-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateIfNotExistsAsync();
        return async i =>
        {
            await queue.SendMessageAsync($"message {i}");
            foreach (var message in await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)))
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        };
    }

    private static async Task<Func<int, Task>> BareQueueAsync(HttpClient http, StorageAccount account)
    {
        var name = "bare-" + Guid.NewGuid().ToString("N")[..8];
        await account.GetQueueClient(name).CreateIfNotExistsAsync();
        var messages = new Uri(account.QueueEndpoint, $"{name}/messages");
        return async i =>
        {
            var text = Convert.ToBase64String(Encoding.UTF8.GetBytes($"message {i}"));
            await SendSignedAsync(http, account, HttpMethod.Post, messages, $"<QueueMessage><MessageText>{text}</MessageText></QueueMessage>");
            var list = XDocument.Parse(await SendSignedAsync(http, account, HttpMethod.Get, new Uri(messages + "?numofmessages=1&visibilitytimeout=30")));
            foreach (var message in list.Root!.Elements("QueueMessage"))
            {
                var id = message.Element("MessageId")!.Value;
                var receipt = Uri.EscapeDataString(message.Element("PopReceipt")!.Value);
                await SendSignedAsync(http, account, HttpMethod.Delete, new Uri($"{messages}/{id}?popreceipt={receipt}"));
            }
        };
    }

    internal static async Task<string> SendSignedAsync(HttpClient http, StorageAccount account, HttpMethod method, Uri uri, string? body = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        var length = string.Empty;
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/xml");
            length = Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture);
        }

        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", StorageVersions.BlobAndQueue);
        var contentType = body is null ? string.Empty : "application/xml; charset=utf-8";
        var stringToSign = $"{method.Method}\n\n\n{length}\n\n{contentType}\n\n\n\n\n\n\n" +
            $"x-ms-date:{date}\nx-ms-version:{StorageVersions.BlobAndQueue}\n" +
            SharedKeyPolicy.CanonicalResource(uri, account.Name, includeQuery: true);
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", $"{account.Name}:{account.SharedKey!.Sign(stringToSign)}");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{method} {uri}: {(int)response.StatusCode} {text}");
    }
}
