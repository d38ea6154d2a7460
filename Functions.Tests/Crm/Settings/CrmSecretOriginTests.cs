using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Settings;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Crm.Settings;

/// <summary>Masked CRM secrets sent back through the API while endpoints move: kept on the stored origins only.</summary>
public sealed class CrmSecretOriginTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CreateRecord = "\"url\":\"https://api.crm.example.com/api/records\"";

    private static readonly Dictionary<string, string?> LocalDevelopment = new() { ["Delivery:AllowPrivateNetworks"] = "true" };

    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private Task<HttpResponseMessage> PutAsync(AdminClient client, string body) =>
        client.Http.PutAsync(new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<string> StoredAndReadBackAsync(AdminClient client)
    {
        using var put = await PutAsync(client, JsonSerializer.Serialize(CrmSamples.Settings() with { Tenant = tenant }, CrmJson.Options));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await (await client.Http.GetAsync(new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(CreateRecord, read, StringComparison.Ordinal);
        return read;
    }

    private async Task<CrmSettings> StoredAsync(AdminClient client) =>
        (await client.Services.GetRequiredService<CrmSettingsStore>().GetAsync(tenant))!.Settings;

    [Theory]
    [InlineData("https://attacker.example.net")]
    [InlineData("https://api.crm.example.com:8443")]
    [InlineData("http://api.crm.example.com")]
    public async Task A_masked_password_is_refused_when_an_endpoint_moves_to_another_origin(string origin)
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        var read = await StoredAndReadBackAsync(client);

        using var moved = await PutAsync(client, read.Replace(CreateRecord, $"\"url\":\"{origin}/api/records\"", StringComparison.Ordinal));
        var body = JsonDocument.Parse(await moved.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal("application/problem+json", moved.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(body.GetProperty("errors").EnumerateObject());
        Assert.Equal("auth.basic.password", error.Name);
        Assert.Contains("endpoints.createRecord.url", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("https://api.crm.example.com/api/records", (await StoredAsync(client)).Endpoints.CreateRecord!.Url);
    }

    [Fact]
    public async Task Moving_an_endpoint_with_the_password_sent_again_is_accepted()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        var read = await StoredAndReadBackAsync(client);

        using var moved = await PutAsync(client, read
            .Replace(CreateRecord, "\"url\":\"https://crm2.example.net/api/records\"", StringComparison.Ordinal)
            .Replace("\"password\":\"…w0rd\"", "\"password\":\"n3w-passw0rd-for-crm2\"", StringComparison.Ordinal));
        var stored = await StoredAsync(client);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(("https://crm2.example.net/api/records", "n3w-passw0rd-for-crm2"), (stored.Endpoints.CreateRecord!.Url, stored.Auth.Basic!.Password));
    }

    [Fact]
    public async Task Moving_an_endpoint_between_origins_the_settings_already_had_keeps_the_password()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        var read = await StoredAndReadBackAsync(client);

        using var moved = await PutAsync(client, read.Replace(CreateRecord, "\"url\":\"https://API.crm.example.com:443/v2/records\"", StringComparison.Ordinal));
        var stored = await StoredAsync(client);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("s3cret-passw0rd", stored.Auth.Basic!.Password);
    }
}
