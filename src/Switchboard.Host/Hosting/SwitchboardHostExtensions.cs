using Switchboard.Host.Development;
using Switchboard.Host.Health;
using Switchboard.Storage;

namespace Switchboard.Host.Hosting;

/// <summary>Registrations and routes of the portable host, in one place.</summary>
public static class SwitchboardHostExtensions
{
    /// <summary>Registers storage, development storage and the HTTP services.</summary>
    public static WebApplicationBuilder AddSwitchboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // First hosted service, so Azurite is up before anything else starts and stops after everything else.
        builder.Services.AddHostedService<DevelopmentStorage>();
        builder.Services.AddSingleton(sp => StorageAccount.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<StorageProbe>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>Maps every API of the host.</summary>
    public static WebApplication MapSwitchboardApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthApi();
        return app;
    }
}
