using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Functions.Http;
using Switchboard.Functions.Scheduling;
using Switchboard.Logging;
using Switchboard.Pipeline;

namespace Switchboard.Functions;

/// <summary>What the Functions app registers, in one place, so its tests build the very same services.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the portable host registers too (storage and its provisioning at start-up, options, triggers, delivery,
    /// sessions, the pipeline steps),
    /// the durable schedulers, the admin key check, the worker serializer orchestration inputs go through, and the
    /// redaction of <c>?code=</c> keys in every log.
    /// </summary>
    public static IServiceCollection AddSwitchboardFunctions(this IServiceCollection services)
    {
        services.AddSwitchboardCore();
        services.AddSingleton<DurableSchedulers>();
        services.AddSingleton<AdminGate>();

        // A delivery carries its event, whose payload may nest 64 levels, so orchestration inputs and activity results
        // get the depth and the event's JSON context the portable host's job queue uses.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(PipelineJson.Options));

        // The worker runs ASP.NET Core behind the Functions host and logs its requests, URL and ?code= included, like
        // any other host; every log entry passes the same redaction as the portable host's.
        services.AddLogRedaction();
        return services;
    }
}
