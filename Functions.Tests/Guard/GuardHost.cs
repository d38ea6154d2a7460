using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Guard;

/// <summary>
/// The portable host on Kestrel (framing errors only happen on a real server), on an Azurite of its own so its
/// queues can be counted, with the queue workers off so whatever an accepted request queued stays there.
/// </summary>
public sealed class GuardHost : IAsyncLifetime, IDisposable
{
    public const string AdminKey = "guard-admin-key";
    public const string IngestKey = "guard-ingest-key";

    private readonly DedicatedAzurite azurite = new();
    private HostFactory? factory;

    public string Tenant { get; } = AzuriteFixture.UniqueName("guard");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Http { get; private set; } = new();

    internal IReadOnlyList<GuardedRoute> Routes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        factory = new HostFactory(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Admin:Keys:0"] = AdminKey,
            ["Ingest:Keys:0"] = IngestKey,
            ["Queues:RunWorkers"] = "false",
        });
        factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);

            // A stalled body is given up on sooner than the default 5 s, so the guard stays quick.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, TimeSpan.FromSeconds(2));
        });
        factory.StartServer();
        var server = factory.Services.GetRequiredService<IServer>();
        Address = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        // UTF-8 header values: Kestrel takes them, and the guard sends non-ASCII ones on purpose.
        Http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = Address };
        Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", AdminKey);
        Http.DefaultRequestHeaders.Add("x-switchboard-key", IngestKey);
        Routes = GuardedRoute.All(factory.Services.GetRequiredService<EndpointDataSource>());

        using var created = await Http.PostAsync(
            new Uri($"api/triggers?tenant={Tenant}", UriKind.Relative),
            new StringContent($"{{\"id\":\"{GuardSamples.TriggerId}\"," + GuardSamples.Body(Routes.Single(r => r.Name == "CreateTrigger"), Tenant).TrimStart()[1..], Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
    }

    /// <summary>Messages waiting on a pipeline queue.</summary>
    public async Task<int> QueuedAsync(string queue)
    {
        var client = azurite.Queues.GetQueueClient(queue);
        await client.CreateIfNotExistsAsync();
        return (await client.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    public static string EventsQueue => QueueNames.Events;

    public static string JobsQueue => QueueNames.Jobs;

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }

    public void Dispose()
    {
        Http.Dispose();
        factory?.Dispose();
    }
}
