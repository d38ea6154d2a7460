using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Pipeline;

namespace Switchboard.Delivery;

/// <summary>Registers webhook delivery: the guarded HTTP client, builder, sender, attempt log, the <see cref="AttemptEngine"/> and the <see cref="AttemptDelivery"/> step.</summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers delivery. Needs the <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/>, <see cref="TimeProvider"/>, the trigger catalog and
    /// <see cref="DeliveryOptions"/> (bind section <see cref="DeliveryOptions.SectionName"/>) to be registered too.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value))
            .RemoveAllLoggers();
        services.AddSingleton<WebhookRequestBuilder>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            return new DeliveryLog(
                sp.GetRequiredService<TableServiceClient>().GetTableClient(DeliveryLog.TableName),
                sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.PayloadContainer));
        });
        services.AddSingleton<AttemptEngine>();
        services.AddSingleton<AttemptDelivery>();
        return services;
    }

    /// <summary>
    /// The handler deliveries use: connects through <see cref="NetworkGuard"/>, follows no redirect itself (the sender
    /// checks each), ignores system proxies (a proxy would connect on the guard's behalf) and sends no cookies.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = new NetworkGuard(options.AllowPrivateNetworks);
        return new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,

            // New connections re-resolve and re-check the host; a pooled one is not kept for long.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),

            // Header values rendered from templates may hold non-Latin text; send it as UTF-8 rather than fail.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        };
    }
}
