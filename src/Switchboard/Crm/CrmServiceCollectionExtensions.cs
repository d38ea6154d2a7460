using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;
using Switchboard.Pipeline;

namespace Switchboard.Crm;

/// <summary>Registers the generic CRM integration: settings, the guarded client with its token source, the session follower and its work handler.</summary>
public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CRM integration and binds <see cref="CrmOptions"/> to section <see cref="CrmOptions.SectionName"/>,
    /// validated at start-up. Needs the <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/>, <see cref="TimeProvider"/>,
    /// <see cref="DeliveryOptions"/>, webhook delivery (its attempt log), session export, <see cref="IngestEvent"/> (for
    /// <c>CRM_Record_Pop</c>) and an <see cref="IPipelineScheduler"/> to be registered too.
    /// </summary>
    public static IServiceCollection AddCrmIntegration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<CrmOptions, CrmOptionsValidator>(CrmOptions.SectionName);
        services.AddHttpClient(CrmClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => DeliveryServiceCollectionExtensions.CreateHandler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value))
            .RemoveAllLoggers();
        services.AddSingleton(sp => new CrmSettingsStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(CrmSettingsStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CrmSettingsCatalog>();
        services.AddSingleton(sp => new CrmSettingsValidator(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AllowPrivateNetworks));
        services.AddSingleton<CrmTokenSource>();
        services.AddSingleton<CrmClient>();
        services.AddSingleton<CrmCalls>();
        services.AddSingleton(sp => new CrmSessionStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(CrmSessionStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CrmRecordPop>();
        services.AddSingleton<CrmArchive>();
        services.AddSingleton<CrmSessionSync>();
        services.AddSingleton<CrmSessionLookup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISessionFollower, CrmFollower>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPipelineWorkHandler, CrmWorkHandler>());
        return services;
    }
}
