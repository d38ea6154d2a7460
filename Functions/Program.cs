using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard;
using Switchboard.Functions.Http;
using Switchboard.Functions.Scheduling;
using Switchboard.Logging;
using Switchboard.Pipeline;

// The Azure Functions host of Switchboard. Every function is a thin hand-off to src/Switchboard; the
// portable host (src/Switchboard.Host) runs the same steps where the Functions packages are unavailable.
var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP functions take HttpRequest and return IActionResult.
builder.ConfigureFunctionsWebApplication();

// Everything the portable host registers too: storage, options, triggers, delivery, sessions, the pipeline steps.
builder.Services.AddSwitchboardCore();

// Later work runs as durable orchestrations; the admin functions check the admin key.
builder.Services.AddSingleton<FunctionsScheduler>();
builder.Services.AddSingleton<IPipelineScheduler>(sp => sp.GetRequiredService<FunctionsScheduler>());
builder.Services.AddSingleton<AdminGate>();

// Orchestration inputs and activity results go through the worker's serializer; a delivery carries its event,
// whose payload may nest 64 levels, so it gets the depth and the event's JSON context the job queue uses.
builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(PipelineJson.Options));

// The worker runs ASP.NET Core behind the Functions host and logs its requests, URL and ?code= included, like any
// other host; every log entry passes the same redaction as the portable host's.
builder.Services.AddLogRedaction();

builder.Build().Run();
