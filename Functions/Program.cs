using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Functions;

/// <summary>
/// The Azure Functions host of Switchboard. Every function is a thin hand-off to src/Switchboard; the portable host
/// (src/Switchboard.Host) runs the same steps outside Azure Functions.
/// </summary>
public static class Program
{
    /// <summary>Starts the isolated worker.</summary>
    public static void Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);

        // ASP.NET Core integration: HTTP functions take HttpRequest and return IActionResult.
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSwitchboardFunctions();
        builder.Build().Run();
    }
}
