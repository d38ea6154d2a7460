using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Host.Admin;
using Switchboard.Host.Deliveries;
using Switchboard.Host.Development;
using Switchboard.Host.Events;
using Switchboard.Host.Health;
using Switchboard.Host.Sessions;
using Switchboard.Host.Sources;
using Switchboard.Host.Triggers;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Host.Hosting;

/// <summary>Registrations and routes of the portable host, in one place.</summary>
public static class SwitchboardHostExtensions
{
    /// <summary>Registers storage, development storage, options, the trigger store and cache, and the HTTP services.</summary>
    public static WebApplicationBuilder AddSwitchboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // First hosted service, so Azurite is up before anything else starts and stops after everything else.
        services.AddHostedService<DevelopmentStorage>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StorageAccount.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<StorageProbe>();

        services.AddOptions<AdminOptions>().BindConfiguration("Admin");
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest");
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .Validate(o => o.ResponseExcerptBytes is >= 0 and <= 65_536, "Delivery:ResponseExcerptBytes must be between 0 and 65536.")
            .Validate(o => o.MaxRedirects is >= 0 and <= 10, "Delivery:MaxRedirects must be between 0 and 10.")
            .ValidateOnStart();
        services.AddOptions<TriggerOptions>().BindConfiguration("Triggers")
            .Validate(o => o.CacheDuration > TimeSpan.Zero, "Triggers:CacheDuration must be positive.")
            .ValidateOnStart();

        services.AddSingleton(sp => new TriggerStore(
            sp.GetRequiredService<StorageAccount>().GetTableClient(TriggerStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TriggerCatalog>();
        services.AddSingleton(sp => new TriggerValidator(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AllowPrivateNetworks));
        services.AddSingleton<AdminKeyFilter>();
        services.AddWebhookDelivery();
        services.AddSessionExport();
        services.AddPipeline();

        services.AddProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    /// <summary>Maps every API of the host; admin routes behind the admin key.</summary>
    public static WebApplication MapSwitchboardApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapEventsApi();
        app.MapTriggersApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapDeliveriesApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapSourcesApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapSessionsApi().AddEndpointFilter<AdminKeyFilter>();
        return app;
    }
}
