using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Storage;

// The Azure Functions host of Switchboard. Every function is a thin hand-off to src/Switchboard; the
// portable host (src/Switchboard.Host) runs the same steps where the Functions packages are unavailable.
var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP functions take HttpRequest and return IActionResult.
builder.ConfigureFunctionsWebApplication();

// Read the way the Functions host reads AzureWebJobsStorage (connection string locally, managed identity
// in Azure), and only when first needed, so a missing setting fails the call that needs storage with a
// message naming the setting rather than stopping the worker at startup.
builder.Services.AddSingleton(sp => StorageAccount.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddSingleton<StorageProbe>();

builder.Build().Run();
