using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.EndToEnd;

/// <summary>The whole portable host (API, queue workers, job queue) in memory on a given storage account.</summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    public const string AdminKey = "e2e-admin-key";
    public const string IngestKey = "e2e-ingest-key";

    private readonly HostFactory factory;

    public PipelineHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Admin:Keys:0"] = AdminKey,
            ["Ingest:Keys:0"] = IngestKey,
            ["Delivery:AllowPrivateNetworks"] = "true",
            ["Queues:MaxPollInterval"] = "00:00:00.200",
            ["Export:Delay"] = "00:00:03",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        factory = new HostFactory(all, services);
        Http = factory.CreateClient();
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => factory.Services;

    public async Task<HttpResponseMessage> PostEventAsync(string source, string body, string contentType = "application/json", string? query = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/events/{source}{query}", UriKind.Relative)) { Content = content };
        request.Headers.Add("x-switchboard-key", IngestKey);
        return await Http.SendAsync(request);
    }

    public async Task CreateTriggerAsync(object trigger)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/triggers", UriKind.Relative)) { Content = JsonContent.Create(trigger) };
        request.Headers.Add("x-switchboard-admin-key", AdminKey);
        using var response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Trigger not created: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
    }
}
