using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Delivery;
using Switchboard.Functions;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// The Functions app in this process: its services exactly as <see cref="FunctionsServiceCollectionExtensions.AddSwitchboardFunctions"/>
/// registers them, against Azurite, and its orchestrators and activities under the Durable Task in-process test host —
/// real replay, real durable timers. Each orchestrator is the app's own static function; each activity calls the app's
/// function class, made the way the worker makes it (from the services, per invocation), with the test host's client where
/// the function takes <c>[DurableClient]</c>.
/// </summary>
internal sealed class FunctionsAppHarness : IAsyncDisposable
{
    public const string IngestKey = "ingest-key-0123456789";

    private readonly ServiceProvider services;
    private readonly DurableTaskTestHost durable;
    private readonly ConcurrentDictionary<string, int> episodes;

    private FunctionsAppHarness(ServiceProvider services, DurableTaskTestHost durable, ConcurrentDictionary<string, int> episodes)
    {
        this.episodes = episodes;
        this.services = services;
        this.durable = durable;
    }

    public string Tenant { get; } = AzuriteFixture.UniqueName("tenant");

    public string Archive { get; private init; } = string.Empty;

    public IServiceProvider Services => services;

    public DurableTaskClient Client => durable.Client;

    /// <summary>How often each orchestrator has run: once when started, then once after each timer or activity it awaited.</summary>
    public IReadOnlyDictionary<string, int> Episodes => episodes;

    /// <summary>
    /// Starts the app on <paramref name="azurite"/>. <paramref name="maximumTimerInterval"/>, when given, is the longest
    /// piece the worker splits a durable timer into (3 days by default, so that no piece outlives a storage queue's 7).
    /// </summary>
    public static async Task<FunctionsAppHarness> StartAsync(DedicatedAzurite azurite, TimeSpan exportDelay, TimeSpan? maximumTimerInterval = null)
    {
        var archive = AzuriteFixture.UniqueName("archive");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Delivery:AllowPrivateNetworks"] = "true",
            ["Export:Container"] = archive,
            ["Export:Delay"] = exportDelay.ToString("c"),
            ["Ingest:Keys:0"] = IngestKey,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSwitchboardFunctions();
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // No host runs the app's hosted services here; provision as it would at start-up.
        await services.GetRequiredService<StorageProvisioner>().ProvisionAsync(services.GetRequiredService<StorageResources>());

        DurableTaskClient? client = null;
        var episodes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        TOutput Episode<TOutput>(string orchestrator, TOutput run)
        {
            episodes.AddOrUpdate(orchestrator, 1, (_, count) => count + 1);
            return run;
        }

        var durable = await DurableTaskTestHost.StartAsync(
            registry => registry
                .AddOrchestratorFunc<ScheduledWork>(WorkOrchestration.Name, (context, _) => Episode(WorkOrchestration.Name, WorkOrchestration.Run(context)))
                .AddActivityFunc<PipelineWork>(
                    WorkOrchestration.RunActivity, (_, work) => Function<WorkOrchestration>(services).Execute(work, client!, CancellationToken.None)),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),

                // The worker's serializer in the app (AddSwitchboardFunctions sets it) writes orchestration inputs and
                // activity results; the test host's worker and client get the same options.
                ConfigureServices = durableServices =>
                {
                    durableServices.Configure<DurableTaskWorkerOptions>(options =>
                    {
                        options.DataConverter = new JsonDataConverter(PipelineJson.Options);
                        options.MaximumTimerInterval = maximumTimerInterval ?? options.MaximumTimerInterval;
                    });
                    durableServices.Configure<DurableTaskClientOptions>(options => options.DataConverter = new JsonDataConverter(PipelineJson.Options));
                },
            });
        client = durable.Client;
        var harness = new FunctionsAppHarness(services, durable, episodes) { Archive = archive };
        await harness.DrainEventsAsync();
        return harness;
    }

    /// <summary>A function class as the worker activates it for an invocation.</summary>
    public T Function<T>() => Function<T>(services);

    /// <summary>An HTTP request as the ASP.NET Core integration hands it to a function.</summary>
    public HttpRequest Request(string method, string path, string? body = null, string contentType = "application/json", string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        context.Request.Path = path;
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString("?" + query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.ContentType = contentType;
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs a function's result as the integration does; returns the status, content type and body written.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> ExecuteAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.ContentType, await reader.ReadToEndAsync());
    }

    /// <summary>The text of a blob in the export container.</summary>
    public async Task<string> ReadArchiveAsync(string name)
    {
        var blob = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Archive).GetBlobClient(name);
        return (await blob.DownloadContentAsync()).Value.Content.ToString();
    }

    /// <summary>The next message on <c>switchboard-events</c>, as the queue trigger hands it to ProcessEvent, and deleted.</summary>
    public async Task<(string Text, long DequeueCount)> ReceiveEventAsync()
    {
        var queue = EventsQueue();
        var message = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return (message.Body.ToString(), message.DequeueCount);
    }

    /// <summary>Deletes what earlier tests left on <c>switchboard-events</c>.</summary>
    public async Task DrainEventsAsync()
    {
        await EventsQueue().ClearMessagesAsync();
    }

    /// <summary>The text of the message at the front of <c>switchboard-events</c>, or null when it is empty.</summary>
    public async Task<string?> PeekEventAsync()
    {
        var peeked = (await EventsQueue().PeekMessagesAsync(1)).Value;
        return peeked.Length == 0 ? null : peeked[0].Body.ToString();
    }

    /// <summary>Waits for an orchestration to finish, at most <paramref name="timeout"/>.</summary>
    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await durable.DisposeAsync();
        await services.DisposeAsync();
    }

    // The client the app's ingest writes with, base64 as the queue trigger reads.
    private QueueClient EventsQueue() => services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Events);

    // The app registers no scoped services, so the invocation's scope would add nothing.
    private static T Function<T>(IServiceProvider services) => ActivatorUtilities.CreateInstance<T>(services);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
