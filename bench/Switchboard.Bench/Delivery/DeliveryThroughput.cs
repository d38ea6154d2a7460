using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Host.Development;
using Switchboard.Host.Jobs;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Bench.Delivery;

/// <summary>
/// Deliveries per second to a Kestrel receiver on loopback, next to a bare HttpClient POST loop to the same receiver
/// with a body of the same size (the baseline). Two Switchboard figures: build + sign + send through the guarded
/// client (the sender's own cost), and the whole <see cref="AttemptDelivery"/> step with its attempt log written to a
/// fresh in-memory Azurite (what a first attempt costs in production, storage round trips included).
/// </summary>
public static class DeliveryThroughput
{
    private const int Concurrency = 8;
    private const int Rounds = 3;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        await using var receiver = await StartReceiverAsync();
        var url = receiver.Urls.Single().TrimEnd('/') + "/hook";

        var entryPoint = AzuriteProcess.FindEntryPoint() ?? throw new InvalidOperationException("Run 'npm ci' first.");
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        await using var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await using var services = Services(StorageConnection.FromConnectionString(azurite.ConnectionString));
        var trigger = Trigger(url);
        await services.GetRequiredService<TriggerStore>().CreateAsync(trigger);

        var builder = services.GetRequiredService<WebhookRequestBuilder>();
        var sender = services.GetRequiredService<WebhookSender>();
        var delivery = services.GetRequiredService<AttemptDelivery>();
        var scheduler = services.GetRequiredService<IPipelineScheduler>();
        var body = builder.Build(trigger, Event(), "dlv_0", DateTimeOffset.UtcNow).Body;
        using var http = new HttpClient();

        Console.WriteLine($"Kestrel receiver on loopback (same process), {count} deliveries a round, {Rounds} rounds, {Concurrency} at a time, {Environment.ProcessorCount} cores, body {body.Length} bytes");
        Func<int, Task> barePost = async _ =>
        {
            using var content = new ReadOnlyMemoryContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var response = await http.PostAsync(new Uri(url), content);
            response.EnsureSuccessStatusCode();
        };
        Func<int, Task> buildSignSend = async i =>
        {
            var request = builder.Build(trigger, Event(), $"dlv_{i}", DateTimeOffset.UtcNow);
            var outcome = await sender.SendAsync(request, TimeSpan.FromSeconds(10));
            Check(outcome.Succeeded, outcome.ErrorMessage);
        };

        var prebuilt = builder.Build(trigger, Event(), "dlv_prebuilt", DateTimeOffset.UtcNow);
        Func<int, Task> sendOnly = async _ =>
        {
            var outcome = await sender.SendAsync(prebuilt, TimeSpan.FromSeconds(10));
            Check(outcome.Succeeded, outcome.ErrorMessage);
        };

        // The process keeps getting faster for a while (tiered compilation, dynamic PGO, connection pools), so one
        // unrecorded round warms every loop up; the recorded rounds then alternate their order and the medians are
        // compared, so drift and a noisy neighbour on a small machine shift all figures alike.
        Func<int, Task>[] loops = [barePost, buildSignSend, sendOnly];
        var rates = loops.Select(_ => new List<double>()).ToArray();
        foreach (var loop in loops)
        {
            await MeasureAsync(count, loop);
        }

        for (var round = 0; round < Rounds; round++)
        {
            var order = round % 2 == 0 ? new[] { 0, 1, 2 } : [2, 1, 0];
            foreach (var index in order)
            {
                rates[index].Add(await MeasureAsync(count, loops[index]));
            }
        }

        var (bare, sent, sentOnly) = (rates[0], rates[1], rates[2]);
        Report("build+sign+send", Median(sent), Median(bare));
        Report("send (request built once)", Median(sentOnly), Median(bare));

        var stepCount = Math.Min(count, 1000);
        var step = await MeasureAsync(stepCount, async _ =>
        {
            var attempted = await delivery.RunAsync(DeliveryJob.First(Event(), trigger.Id, DateTimeOffset.UtcNow), trigger, scheduler);
            Check(attempted.State == DeliveryState.Delivered, attempted.ErrorMessage);
        });
        Console.WriteLine($"{"AttemptDelivery + attempt log",-32} Switchboard {step,8:F0}/s   ({stepCount} first attempts: read the summary, send, one 5-entity transaction; bound by Azurite)");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Check(bool ok, string? error)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Delivery failed: {error}");
        }
    }

    private static void Report(string what, double ours, double bare) =>
        Console.WriteLine($"{what,-32} Switchboard {ours,8:F0}/s   bare HttpClient POST {bare,8:F0}/s   ratio {ours / bare:F2}");

    private static async Task<double> MeasureAsync(int count, Func<int, Task> operation)
    {
        // Enough warm-up for tiered compilation to settle on optimised code before the clock starts.
        for (var i = 0; i < Math.Min(count, 1000); i++)
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

    private static async Task<WebApplication> StartReceiverAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            // Read the whole body, as a real receiver would before answering.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }

    private static ServiceProvider Services(StorageConnection storage)
    {
        var tables = storage.CreateTableServiceClient();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(tables);
        services.AddSingleton(storage.CreateBlobServiceClient());
        services.AddOptions<DeliveryOptions>().Configure(o => o.AllowPrivateNetworks = true);
        services.AddOptions<TriggerOptions>();
        services.AddSingleton(sp => new TriggerStore(tables.GetTableClient(TriggerStore.TableName), TimeProvider.System));
        services.AddSingleton<TriggerCatalog>();
        services.AddWebhookDelivery();

        // Retries would go to the portable host's jobs queue; the receiver answers 200, so none is scheduled.
        services.AddSingleton<IPipelineScheduler>(new JobScheduler(
            storage.CreateQueueServiceClient(), new ClaimCheck(storage.CreateBlobServiceClient().GetBlobContainerClient(QueueNames.ClaimContainer)), TimeProvider.System));
        return services.BuildServiceProvider();
    }

    private static Trigger Trigger(string url) => new()
    {
        Id = "bench",
        Name = "bench",
        Events = ["*"],
        Action = new TriggerAction
        {
            Url = url,
            Secret = TriggerSecrets.Generate(),
            CustomData = new Dictionary<string, JsonElement> { ["hook"] = JsonSerializer.SerializeToElement("after-call") },
        },
    };

    private static CanonicalEvent Event() => new()
    {
        Id = EventIds.New(DateTimeOffset.UtcNow),
        Source = "cdr",
        Type = "CloudSessionCdr",
        Tenant = "default",
        OccurredAt = DateTimeOffset.UtcNow,
        ReceivedAt = DateTimeOffset.UtcNow,
        Session = new EventSession { Id = "103646", Channel = "call", Lifecycle = SessionLifecycle.Ended },
        Data = CdrData,
    };

    private static readonly JsonElement CdrData = JsonDocument.Parse("""
        {"cdr":{"id":"00000000-0000-0000-0000-000000000001","dType":"CloudSessionCdr","sVer":1,"tz":"Europe/London",
        "start":"2024-05-29T09:37:35+01:00","end":"2024-05-29T09:37:45+01:00","dur":10,"ring":10,"lost":0,
        "cause":"NORMAL_CLEARING","dir":2,"type":2,"cliNum":"+44700000000","ddiNum":"+441610000000",
        "ansAgtNum":"302","ansAgtName":"Test User","ansGroupName":"Support","hasRec":1,"recordingIds":["r1","r2"]}}
        """).RootElement;
}
