using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Tests.Azurite;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

/// <summary>Delivery services as the hosts register them, on a clock and (optionally) a storage account the test chooses.</summary>
internal static class DeliveryHarness
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static ServiceProvider Services(
        bool allowPrivateNetworks = true, TimeProvider? time = null, AzuriteFixture? storage = null, string? triggerTable = null, Action<DeliveryOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        if (storage is not null)
        {
            // The hosts' own wiring, on the test Azurite, with a trigger table of the test's own.
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage.ConnectionString }).Build());
            services.AddSwitchboardCore();
            services.AddSingleton(sp => new TriggerStore(storage.Tables.GetTableClient(triggerTable ?? "Triggers"), sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddOptions<TriggerOptions>();
            services.AddWebhookDelivery();
        }

        services.AddOptions<DeliveryOptions>().Configure(o =>
        {
            o.AllowPrivateNetworks = allowPrivateNetworks;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public static WebhookRequestBuilder Builder(string? version = "9.9.9") =>
        new(Options.Create(new DeliveryOptions { UserAgentVersion = version }));

    public static Trigger Trigger(string url, string method = "POST", string format = "json", string? body = null, string id = "crm", string tenant = "default") => new()
    {
        Id = id,
        Tenant = tenant,
        Name = "test",
        Source = "cdr",
        Events = ["*"],
        Action = new TriggerAction
        {
            Url = url,
            Method = method,
            Format = format,
            Body = body,
            Secret = Secret,
            CustomData = new Dictionary<string, JsonElement> { ["hook"] = JsonSerializer.SerializeToElement("after-call") },
        },
    };

    public static CanonicalEvent Event(string data = """{"cdr":{"dir":2,"cliNum":"+44700000000"},"name":"Kim"}""", string tenant = "default", string? id = null) => new()
    {
        Id = id ?? "evt_" + Guid.NewGuid().ToString("N"),
        Source = "cdr",
        Type = "CloudSessionCdr",
        Tenant = tenant,
        OccurredAt = new DateTimeOffset(2024, 5, 29, 8, 37, 45, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(2024, 5, 29, 8, 37, 46, TimeSpan.Zero),
        Session = new EventSession { Id = "103646", Channel = "call", Lifecycle = SessionLifecycle.Ended },
        Agent = new EventAgent { Id = "302", Name = "Test User" },
        Data = JsonDocument.Parse(data).RootElement,
    };

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static WebhookSender Sender(ServiceProvider services) => services.GetRequiredService<WebhookSender>();

    public static NullLogger<T> Logger<T>() => NullLogger<T>.Instance;
}
