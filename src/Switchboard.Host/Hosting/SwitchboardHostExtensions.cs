using Scalar.AspNetCore;
using Switchboard.Api;
using Switchboard.Host.Development;
using Switchboard.Logging;

namespace Switchboard.Host.Hosting;

/// <summary>Registrations and routes of the portable host, in one place.</summary>
public static class SwitchboardHostExtensions
{
    /// <summary>
    /// Registers development storage, everything both hosts share (<see cref="SwitchboardServiceCollectionExtensions.AddSwitchboardCore"/>),
    /// the host's own pipeline (queue workers and the job queue), the admin-key filter, OpenAPI, and log redaction, so
    /// ingest keys in <c>?code=</c> never reach a log.
    /// </summary>
    public static WebApplicationBuilder AddSwitchboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // First hosted service, so Azurite is up before anything else starts and stops after everything else.
        services.AddHostedService<DevelopmentStorage>();
        services.AddSwitchboardCore();
        services.AddSingleton<AdminKeyFilter>();
        services.AddPipeline();

        services.AddOpenApi();
        services.AddLogRedaction();
        return builder;
    }

    /// <summary>Where the browsable API reference is served.</summary>
    public const string DocsPrefix = "/api/docs";

    /// <summary>Maps every API of the library; admin routes behind the admin key.</summary>
    public static WebApplication MapSwitchboardApis(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();

        // The browsable reference ships inside Scalar.AspNetCore (no CDN), reads /openapi/v1.json, and needs no key:
        // it shows the API's shape, never data.
        app.MapScalarApiReference(DocsPrefix, options => options.WithTitle("Switchboard API"));
        app.MapHealthApi();
        app.MapEventsApi();
        app.MapTriggersApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapDeliveriesApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapSourcesApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapSessionsApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapEmailSettingsApi().AddEndpointFilter<AdminKeyFilter>();
        app.MapCrmApi().AddEndpointFilter<AdminKeyFilter>();
        return app;
    }
}
