using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Host.Hosting;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Host;

/// <summary>The OpenAPI document covers every route the host maps, and the browsable reference needs nothing from outside.</summary>
public sealed class ApiReferenceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
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

    // The document writes a route without its trailing slash, catch-all star or constraints.
    private static string Normalise(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.TrimEnd('/'), @"\{\*{0,2}([^}:]+)[^}]*\}", "{$1}");
}
