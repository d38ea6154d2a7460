using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Email;

/// <summary>Registers session-outcome email: settings store, attempt claims, SMTP sender, the <see cref="SendSessionEmail"/> step, its session follower and retry handler.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers session-outcome email and binds <see cref="EmailOptions"/> to section <see cref="EmailOptions.SectionName"/>,
    /// validated at start-up when email is on. Needs the <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/>, <see cref="TimeProvider"/>,
    /// <see cref="IPipelineScheduler"/>, the <see cref="DeliveryLog"/> (<see cref="DeliveryServiceCollectionExtensions.AddWebhookDelivery"/>)
    /// and <see cref="ExportOptions"/> (<c>AddSessionExport</c>) to be registered too.
    /// </summary>
    public static IServiceCollection AddSessionEmail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(EmailOptions.SectionName);
        services.AddSingleton(sp => new EmailSettingsStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(EmailSettingsStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EmailAttemptClaims(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(EmailAttemptClaims.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<SendSessionEmail>();
        services.AddSingleton<ISessionFollower, SessionEmailFollower>();
        services.AddSingleton<IPipelineWorkHandler, SessionEmailWorkHandler>();
        return services;
    }
}
