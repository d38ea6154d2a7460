using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Pipeline;

namespace Switchboard.Sessions;

/// <summary>Registers sessions: the journal, the tracker ProcessEvent calls, the metadata builder, the guarded media copier and the <see cref="ExportSession"/> step.</summary>
public static class SessionServiceCollectionExtensions
{
    /// <summary>
    /// Registers sessions and binds <see cref="ExportOptions"/> to section <see cref="ExportOptions.SectionName"/>,
    /// validated at start-up. Needs the <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/>, <see cref="TimeProvider"/> and
    /// <see cref="DeliveryOptions"/> (for <see cref="DeliveryOptions.AllowPrivateNetworks"/>) to be registered too.
    /// </summary>
    public static IServiceCollection AddSessionExport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<ExportOptions, ExportOptionsValidator>(ExportOptions.SectionName);
        services.AddHttpClient(MediaCopier.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => MediaCopier.CreateHandler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AllowPrivateNetworks))
            .RemoveAllLoggers();
        services.AddSingleton(sp => new SessionJournal(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(SessionJournal.TableName),
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(SessionJournal.DefaultPayloadContainer)));
        services.AddSingleton<SessionTracker>();
        services.AddSingleton<SessionMetadataBuilder>();
        services.AddSingleton<MediaCopier>();
        services.AddSingleton<ExportSession>();
        return services;
    }
}
