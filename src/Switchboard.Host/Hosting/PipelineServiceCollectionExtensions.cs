using Microsoft.Extensions.Options;
using Switchboard.Api;
using Switchboard.Host.Events;
using Switchboard.Host.Jobs;
using Switchboard.Host.Queues;
using Switchboard.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Host.Hosting;

/// <summary>How the portable host runs the pipeline: queue workers, the job queue as its timer, and CORS for ingest.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job queue as the <see cref="IPipelineScheduler"/>, a worker per queue and the ingest CORS policy.
    /// The steps themselves come from <see cref="SwitchboardServiceCollectionExtensions.AddSwitchboardCore"/>.
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration("Queues")
            .Validate(o => o.BatchSize is >= 1 and <= 32, "Queues:BatchSize must be between 1 and 32.")
            .Validate(o => o.MaxPollInterval >= o.MinPollInterval && o.MinPollInterval > TimeSpan.Zero, "Queues:MinPollInterval must be positive and at most Queues:MaxPollInterval.")
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromSeconds(2), "Queues:VisibilityTimeout must be at least 2 seconds.")
            .Validate(o => o.MaxDequeueCount >= 1, "Queues:MaxDequeueCount must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<JobScheduler>();
        services.AddSingleton<IPipelineScheduler>(sp => sp.GetRequiredService<JobScheduler>());
        services.AddSingleton<EventsHandler>();
        services.AddSingleton<JobsHandler>();
        // Not AddHostedService: it keeps one registration per implementation type, and both workers are QueueWorkers.
        services.AddSingleton<IHostedService>(sp => Worker(sp, sp.GetRequiredService<EventsHandler>()));
        services.AddSingleton<IHostedService>(sp => Worker(sp, sp.GetRequiredService<JobsHandler>()));
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IConfiguration>((cors, configuration) => cors.AddPolicy(
                IngestCors.PolicyName,
                policy => IngestCors.Configure(policy, configuration.GetSection("Ingest:AllowedOrigins").Get<string[]>() ?? [])));
        return services;
    }

    private static QueueWorker Worker(IServiceProvider services, IQueueMessageHandler handler) => new(
        services.GetRequiredService<StorageConnection>(),
        handler,
        services.GetRequiredService<ClaimCheck>(),
        services.GetRequiredService<IOptions<QueueOptions>>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<QueueWorker>>());
}
