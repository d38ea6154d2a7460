using Scalar.AspNetCore;
using Switchboard.Api;
using Switchboard.Host.Development;
using Switchboard.Host.OpenApi;
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

        services.AddOpenApi(options => options.AddOperationTransformer<RequestBodyTransformer>());
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

        // The browsable reference ships inside Scalar.AspNetCore, reads /openapi/v1.json, and needs no key: it shows the
        // API's shape, never data. Its default fonts come from Scalar's CDN, so they are off: the page works offline.
        app.MapScalarApiReference(DocsPrefix, options => options.WithTitle("Switchboard API").DisableDefaultFonts());
        app.MapHealthApi();
        app.MapEventsApi();
        app.MapTriggersApi().RequireAdminKey();
        app.MapDeliveriesApi().RequireAdminKey();
        app.MapSourcesApi().RequireAdminKey();
        app.MapSessionsApi().RequireAdminKey();
        app.MapEmailSettingsApi().RequireAdminKey();
        app.MapCrmApi().RequireAdminKey();
        return app;
    }

    private static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<AdminKeyFilter>().ProducesProblem(StatusCodes.Status401Unauthorized);
}
