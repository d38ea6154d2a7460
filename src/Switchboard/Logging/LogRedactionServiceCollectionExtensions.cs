using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Logging;

/// <summary>Keeps secrets that travel in URLs out of every log a host writes.</summary>
public static class LogRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the logger factory with one whose loggers remove <c>?code=</c> values (<see cref="SecretRedaction"/>)
    /// before any provider, whenever registered, sees an entry. That covers whatever logs at any level — hosting's
    /// "Request starting …", Kestrel's bad requests, HTTP logging — and the Functions worker's forwarded logs alike.
    /// </summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
