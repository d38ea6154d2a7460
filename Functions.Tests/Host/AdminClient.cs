using System.Net.Http.Json;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Host;

/// <summary>The host in memory on the test Azurite, with an HTTP client carrying the admin key.</summary>
public sealed class AdminClient : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public const string IngestKey = "test-ingest-key";

    private readonly HostFactory factory;

    public AdminClient(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Admin:Keys:0"] = AdminKey,
            ["Ingest:Keys:0"] = IngestKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        factory = new HostFactory(all);
        Http = factory.CreateClient();
        Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", AdminKey);
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => factory.Services;

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
    }
}
