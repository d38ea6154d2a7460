using System.Net;
using System.Text.Json;
using Switchboard.Host.Development;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Host;

public sealed class HealthApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_is_200_and_names_each_reachable_storage_service()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(body.RootElement.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        }
    }

    [Fact]
    public async Task Health_is_503_when_storage_does_not_answer()
    {
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var key = AzuriteProcess.AccountKey;
        var nowhere = $"AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1";
        await using var host = new HostFactory(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = nowhere });
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("storage").GetProperty("table").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Health_is_503_when_the_account_key_is_wrong()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        await using var host = new HostFactory(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = wrongKey });
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("403", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
