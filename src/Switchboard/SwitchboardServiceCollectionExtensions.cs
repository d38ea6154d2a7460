using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Api;
using Switchboard.Crm;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard;

/// <summary>
/// The registrations both hosts share, so the portable host and the Functions app run the same pipeline with the same
/// settings. A feature both hosts run registers here; a host adds only how it hosts (queue workers, timers, CORS).
/// </summary>
public static class SwitchboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (<c>AzureWebJobsStorage</c>) and its provisioning when the host starts
    /// (<see cref="StorageProvisioning"/>), the options sections (<c>Admin</c>,
    /// <c>Ingest</c>, <c>Delivery</c>, <c>Triggers</c>, <c>Export</c>, <c>Sources</c>; invalid values stop the host at
    /// start-up), the trigger store and cache, webhook delivery, sessions, the source adapters and the pipeline steps,
    /// and problem details for the HTTP API. Each call into <see cref="ProcessEvent"/>, <see cref="RunWork"/> or
    /// <see cref="ReplayDelivery"/> names the <see cref="IPipelineScheduler"/> the work it leaves for later goes to.
    /// </summary>
    public static IServiceCollection AddSwitchboardCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        // Read the way the Functions host reads AzureWebJobsStorage (connection string locally, managed identity in
        // Azure); a missing setting stops the host's start with a message naming the setting. One client per service,
        // shared: the SDK clients are thread-safe and cheap to derive from.
        services.AddSingleton(sp => StorageConnection.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateBlobServiceClient());
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient());
        services.AddSingleton(sp => sp.GetRequiredService<StorageConnection>().CreateTableServiceClient());
        services.AddSingleton<StorageProbe>();
        services.AddSingleton(sp => StorageResources.For(
            sp.GetRequiredService<IOptions<DeliveryOptions>>().Value, sp.GetRequiredService<IOptions<ExportOptions>>().Value));
        services.AddSingleton<StorageProvisioner>();

        // Registered ahead of the portable host's queue workers, so they start on queues that exist.
        services.AddHostedService<StorageProvisioning>();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest");
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .Validate(o => o.ResponseExcerptBytes is >= 0 and <= 65_536, "Delivery:ResponseExcerptBytes must be between 0 and 65536.")
            .Validate(o => o.MaxRedirects is >= 0 and <= 10, "Delivery:MaxRedirects must be between 0 and 10.")
            .ValidateOnStart();
        services.AddOptions<TriggerOptions>().BindConfiguration("Triggers")
            .Validate(o => o.CacheDuration > TimeSpan.Zero, "Triggers:CacheDuration must be positive.")
            .ValidateOnStart();
        services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.SectionName);

        services.AddSingleton(sp => new TriggerStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(TriggerStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TriggerCatalog>();
        services.AddSingleton(sp => new TriggerValidator(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AllowPrivateNetworks));
        services.AddWebhookDelivery();
        services.AddSessionExport();
        services.AddSessionEmail();
        services.AddCrmIntegration();

        // Built when first resolved, so an unknown Sources:UcontactTimeZone fails loudly rather than shifting every event.
        services.AddSingleton(sp => new SourceAdapters(sp.GetRequiredService<IOptions<SourceOptions>>().Value));
        services.AddSingleton(sp => new ClaimCheck(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(QueueNames.ClaimContainer)));
        services.AddSingleton(sp => new IngestEvent(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Events), sp.GetRequiredService<ClaimCheck>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProcessEvent>();
        services.AddSingleton<IPipelineWorkHandler, DeliveryWorkHandler>();
        services.AddSingleton<IPipelineWorkHandler, ExportWorkHandler>();
        services.AddSingleton<RunWork>();
        services.AddSingleton<ReplayDelivery>();

        services.AddProblemDetails();
        return services;
    }
}
