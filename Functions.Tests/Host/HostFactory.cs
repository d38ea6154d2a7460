using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Tests.Host;

/// <summary>
/// The portable host in memory, configured with the given settings on top of its own, and with <paramref name="services"/>
/// (when given) applied after its own registrations, so a test can swap one (a clock, a storage client).
/// </summary>
public sealed class HostFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
