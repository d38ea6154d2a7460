using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Host.Hosting;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// The functions.metadata the Worker SDK generates at build — what the Functions host reads to bind triggers — checked
/// function by function, so a renamed route, a changed auth level or a lost binding fails the build's tests.
/// </summary>
public sealed class FunctionMetadataTests
{
    /// <summary>Every function: its trigger and what the host needs of it; "+durableClient" where it takes the durable client.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["CreateTrigger"] = "http POST triggers Function",
        ["DeleteCrmSettings"] = "http DELETE crm/settings Function",
        ["DeleteQueueEmailSettings"] = "http DELETE email/settings/queues/{*queue} Function",
        ["DeleteTrigger"] = "http DELETE triggers/{id} Function",
        ["DeleteTriggers"] = "http POST triggers/batch-delete Function",
        ["DisableTrigger"] = "http POST triggers/{id}/disable Function",
        ["EnableTrigger"] = "http POST triggers/{id}/enable Function",
        ["ExchangeCrmOAuthCode"] = "http POST crm/oauth/code Function",
        ["GenerateSecret"] = "http POST triggers/secrets Function",
        ["GetCrmOAuthAuthorization"] = "http GET crm/oauth/authorize Function",
        ["GetCrmSettings"] = "http GET crm/settings Function",
        ["GetDelivery"] = "http GET deliveries/{id} Function",
        ["GetEffectiveEmailSettings"] = "http GET email/settings/effective Function",
        ["GetEmailSettings"] = "http GET email/settings Function",
        ["GetQueueEmailSettings"] = "http GET email/settings/queues/{*queue} Function",
        ["GetSessionLookupUrl"] = "http GET sessions/{session}/lookup-url Function",
        ["GetSessionMetadata"] = "http GET sessions/{channel}/{id} Function",
        ["GetTrigger"] = "http GET triggers/{id} Function",
        ["GetUcontactRegistration"] = "http GET sources/ucontact/registration Function",
        ["Health"] = "http GET health Anonymous",
        ["Ingest"] = "http POST events/{source} Function",
        ["ListArchive"] = "http GET sessions/archive Function",
        ["ListDeliveries"] = "http GET deliveries Function",
        ["ListQueueEmailSettings"] = "http GET email/settings/queues Function",
        ["ListTriggers"] = "http GET triggers Function",
        ["ProcessEvent"] = "queue switchboard-events AzureWebJobsStorage +durableClient",
        ["ReplaceCrmSettings"] = "http PUT crm/settings Function",
        ["ReplaceEmailSettings"] = "http PUT email/settings Function",
        ["ReplaceQueueEmailSettings"] = "http PUT email/settings/queues/{*queue} Function",
        ["ReplaceTrigger"] = "http PUT triggers/{id} Function",
        ["ReplayDelivery"] = "http POST deliveries/{id}/replay Function +durableClient",
        ["RunWork"] = "activityTrigger +durableClient",
        ["TestTrigger"] = "http POST triggers/{id}/test Function",
        ["Work"] = "orchestrationTrigger",
    };

    private static readonly Lazy<JsonElement[]> Functions = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement.EnumerateArray().ToArray());

    [Fact]
    public void Every_function_has_the_trigger_route_methods_auth_level_and_bindings_it_should()
    {
        var actual = Functions.Value.ToDictionary(f => f.GetProperty("name").GetString()!, Describe, StringComparer.Ordinal);

        Assert.Equal(Expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_function_runs_from_the_app_assembly()
    {
        Assert.All(Functions.Value, f =>
        {
            Assert.Equal("Switchboard.Functions.dll", f.GetProperty("scriptFile").GetString());
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
            Assert.StartsWith("Switchboard.Functions.", f.GetProperty("entryPoint").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_http_functions_answer_the_routes_and_methods_the_portable_host_maps()
    {
        using var host = new HostFactory(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        var hostRoutes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("api/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.StartsWith(SwitchboardHostExtensions.DocsPrefix.TrimStart('/'), StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var functionRoutes = Functions.Value
            .Select(f => f.GetProperty("bindings")[0])
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} {Normalise("api/" + b.GetProperty("route").GetString())}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(hostRoutes.Order(StringComparer.Ordinal), functionRoutes.Order(StringComparer.Ordinal));
    }

    private static string Describe(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToArray();
        var trigger = bindings[0];
        var type = trigger.GetProperty("type").GetString();
        var description = type switch
        {
            "httpTrigger" => $"http {string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))} " +
                $"{trigger.GetProperty("route").GetString()} {trigger.GetProperty("authLevel").GetString()}",
            "queueTrigger" => $"queue {trigger.GetProperty("queueName").GetString()} {trigger.GetProperty("connection").GetString()}",
            _ => type!,
        };
        if (type == "httpTrigger" && !bindings.Any(b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out"))
        {
            description += " (no HTTP response)";
        }

        return bindings.Any(b => b.GetProperty("type").GetString() == "durableClient") ? description + " +durableClient" : description;
    }

    // Route parameter names and constraints differ between the hosts without changing what they match.
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{\*?[^}]+\}", "{}");
}
