using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api;
using Switchboard.Host.Hosting;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Host;

/// <summary>The OpenAPI document covers every route the host maps, and the browsable reference needs nothing from outside.</summary>
public sealed class ApiReferenceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The problem statuses each handler can answer with; 401 is the admin-key filter's.
    private static readonly Dictionary<string, int[]> Problems = new(StringComparer.Ordinal)
    {
        ["GetHealth"] = [],
        ["PostEvent"] = [400, 401, 404, 413, 415, 503],
        ["ListTriggers"] = [400, 401],
        ["CreateTrigger"] = [400, 401, 409, 413, 415],
        ["GenerateSecret"] = [401],
        ["DeleteTriggers"] = [400, 401, 413, 415],
        ["GetTrigger"] = [400, 401, 404],
        ["ReplaceTrigger"] = [400, 401, 404, 409, 412, 413, 415],
        ["DeleteTrigger"] = [400, 401, 404],
        ["EnableTrigger"] = [400, 401, 404],
        ["DisableTrigger"] = [400, 401, 404],
        ["TestTrigger"] = [400, 401, 404],
        ["ListDeliveries"] = [400, 401],
        ["GetDelivery"] = [400, 401, 404],
        ["ReplayDelivery"] = [400, 401, 404, 409],
        ["GetUcontactRegistration"] = [400, 401, 409, 422],
        ["ListArchive"] = [400, 401],
        ["GetSessionMetadata"] = [400, 401, 404],
        ["GetEmailSettings"] = [400, 401],
        ["ReplaceEmailSettings"] = [400, 401, 413, 415],
        ["GetEffectiveEmailSettings"] = [400, 401],
        ["ListQueueEmailSettings"] = [400, 401],
        ["GetQueueEmailSettings"] = [400, 401, 404],
        ["ReplaceQueueEmailSettings"] = [400, 401, 413, 415],
        ["DeleteQueueEmailSettings"] = [400, 401, 404],
        ["GetCrmSettings"] = [400, 401, 404],
        ["ReplaceCrmSettings"] = [400, 401, 412, 413, 415],
        ["DeleteCrmSettings"] = [400, 401, 404],
        ["GetCrmOAuthAuthorization"] = [400, 401, 404],
        ["ExchangeCrmOAuthCode"] = [400, 401, 404, 409, 413, 415, 502],
        ["GetSessionLookupUrl"] = [400, 401, 404],
    };

    [Fact]
    public async Task Every_mapped_route_and_method_is_in_the_openapi_document()
    {
        await using var client = new AdminClient(azurite);
        var paths = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = client.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("api/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.StartsWith(SwitchboardHostExtensions.DocsPrefix.TrimStart('/'), StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{Normalise(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal([], mapped.Where(route => !documented.Contains(route)));
    }

    [Fact]
    public async Task Every_operation_documents_its_success_schema_and_its_problem_responses()
    {
        await using var client = new AdminClient(azurite);
        var operations = Operations(JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement).ToList();

        Assert.Equal(Problems.Keys.Order(StringComparer.Ordinal), operations.Select(o => o.Id).Order(StringComparer.Ordinal));
        foreach (var (id, operation) in operations)
        {
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture), r => r.Value);
            var successes = responses.Where(r => r.Key is >= 200 and < 300 and not 204).ToList();
            Assert.True(successes.Count > 0 || responses.ContainsKey(204), $"{id} documents no success response");
            Assert.All(successes, r => Assert.True(HasSchema(r.Value, "application/json"), $"{id} {r.Key} has no application/json schema"));

            var problems = responses.Where(r => r.Key >= 400 && !(id == "GetHealth" && r.Key == 503)).ToList();
            Assert.Equal(Problems[id], problems.Select(r => r.Key).Order());
            Assert.All(problems, r => Assert.True(HasSchema(r.Value, "application/problem+json"), $"{id} {r.Key} is not described as application/problem+json"));
        }
    }

    [Fact]
    public async Task Every_route_that_reads_a_body_documents_its_schema()
    {
        await using var client = new AdminClient(azurite);
        var operations = Operations(JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement)
            .ToDictionary(o => o.Id, o => o.Operation, StringComparer.Ordinal);
        var reading = client.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Body: e.Metadata.GetMetadata<RequestBodyAttribute>()))
            .Where(e => e.Body is not null)
            .ToList();

        Assert.NotEmpty(reading);
        Assert.All(reading, e => Assert.All(e.Body!.ContentTypes, type =>
            Assert.True(operations[e.Name!].TryGetProperty("requestBody", out var body) && HasSchema(body, type), $"{e.Name} documents no {type} request body")));
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_host_itself()
    {
        await using var client = new AdminClient(azurite);
        client.Http.DefaultRequestHeaders.Remove("x-switchboard-admin-key");

        using var page = await client.Http.GetAsync(new Uri(SwitchboardHostExtensions.DocsPrefix + "/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        using var asset = await client.Http.GetAsync(new Uri(new Uri(client.Http.BaseAddress!, SwitchboardHostExtensions.DocsPrefix + "/"), script));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("://", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 100_000, "the reference's script is served whole");
    }

    private static IEnumerable<(string Id, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => m.Value.TryGetProperty("operationId", out _)))
            .Select(method => (method.Value.GetProperty("operationId").GetString()!, method.Value));

    private static bool HasSchema(JsonElement owner, string contentType) =>
        owner.TryGetProperty("content", out var content)
        && content.TryGetProperty(contentType, out var media)
        && media.TryGetProperty("schema", out var schema)
        && schema.ValueKind == JsonValueKind.Object;

    // The document writes a route without its trailing slash, catch-all star or constraints.
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{\*{0,2}([^}:]+)[^}]*\}", "{$1}");
}
