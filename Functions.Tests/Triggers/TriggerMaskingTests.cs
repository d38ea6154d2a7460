using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Delivery;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Host;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

/// <summary>Header values and URL credentials of triggers through the API: masked on the way out, kept when sent back masked.</summary>
public sealed class TriggerMaskingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Bearer = "Bearer sk_live_51HxQpL2eZvKYlo2C";
    private const string ApiKey = "ak-7f3c9e1d2b4a6f8e";
    private const string Password = "pa55-w0rd-of-the-receiver";

    private static readonly Dictionary<string, string?> LocalDevelopment = new() { ["Delivery:AllowPrivateNetworks"] = "true" };

    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private static string Body(string url) => $$"""
        { "id": "m", "name": "masked", "source": "ccai", "events": ["End_Call"],
          "action": { "url": "{{url}}", "headers": { "Authorization": "{{Bearer}}", "X-Api-Key": "{{ApiKey}}", "X-Tenant": "acme" } } }
        """;

    private static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static void AssertNoSecret(string json)
    {
        Assert.DoesNotContain("sk_live", json, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, json, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", json, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PutAsync(AdminClient client, string body) =>
        client.Http.PutAsync(new Uri($"/api/triggers/m?tenant={tenant}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<Trigger> StoredAsync(AdminClient client) =>
        (await client.Services.GetRequiredService<TriggerStore>().GetAsync(tenant, "m"))!.Trigger;

    [Fact]
    public async Task Create_get_list_and_test_show_header_values_and_the_url_password_masked()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var client = new AdminClient(azurite, LocalDevelopment);
        var url = $"http://switchboard:{Password}@127.0.0.1:{receiver.BaseAddress.Port}/hook";

        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body(url));
        using var read = await client.Http.GetAsync(new Uri($"/api/triggers/m?tenant={tenant}", UriKind.Relative));
        using var list = await client.Http.GetAsync(new Uri($"/api/triggers?tenant={tenant}", UriKind.Relative));
        using var tested = await client.PostRawAsync($"/api/triggers/m/test?tenant={tenant}", "{}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.All(new[] { read, list, tested }, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        foreach (var response in new[] { created, read, list, tested })
        {
            AssertNoSecret(await TextAsync(response));
        }

        var action = JsonDocument.Parse(await TextAsync(read)).RootElement.GetProperty("action");
        Assert.Equal($"http://switchboard:…iver@127.0.0.1:{receiver.BaseAddress.Port}/hook", action.GetProperty("url").GetString());
        Assert.Equal(("…lo2C", "…6f8e", "…"), (action.GetProperty("headers").GetProperty("Authorization").GetString(), action.GetProperty("headers").GetProperty("X-Api-Key").GetString(), action.GetProperty("headers").GetProperty("X-Tenant").GetString()));
        Assert.Equal($"http://switchboard:…iver@127.0.0.1:{receiver.BaseAddress.Port}/hook", JsonDocument.Parse(await TextAsync(tested)).RootElement.GetProperty("url").GetString());
        var received = Assert.Single(receiver.Requests);
        Assert.Equal((Bearer, ApiKey), (received.Header("Authorization"), received.Header("X-Api-Key")));
    }

    [Fact]
    public async Task Masked_values_sent_back_keep_the_stored_ones_and_new_ones_replace_them()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body($"https://switchboard:{Password}@hooks.example.com/in"));
        var read = await TextAsync(await client.Http.GetAsync(new Uri($"/api/triggers/m?tenant={tenant}", UriKind.Relative)));

        using var replaced = await PutAsync(client, read.Replace("\"X-Tenant\":\"…\"", "\"X-Tenant\":\"globex\"", StringComparison.Ordinal).Replace("/in", "/in/v2", StringComparison.Ordinal));
        var stored = await StoredAsync(client);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        AssertNoSecret(await TextAsync(replaced));
        Assert.Equal($"https://switchboard:{Password}@hooks.example.com/in/v2", stored.Action.Url);
        Assert.Equal(Bearer, stored.Action.Headers["Authorization"]);
        Assert.Equal(ApiKey, stored.Action.Headers["X-Api-Key"]);
        Assert.Equal("globex", stored.Action.Headers["X-Tenant"]);
    }

    [Theory]
    [InlineData("https", "attacker.example.net")]
    [InlineData("https", "hooks.example.com:8443")]
    [InlineData("http", "hooks.example.com")]
    public async Task A_masked_value_is_not_kept_when_the_url_moves_to_another_origin(string scheme, string host)
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        var url = $"https://switchboard:{Password}@hooks.example.com/in";
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body(url));
        var read = await TextAsync(await client.Http.GetAsync(new Uri($"/api/triggers/m?tenant={tenant}", UriKind.Relative)));

        using var moved = await PutAsync(client, read
            .Replace("https://switchboard:", scheme + "://switchboard:", StringComparison.Ordinal)
            .Replace("@hooks.example.com/", $"@{host}/", StringComparison.Ordinal));
        var errors = JsonDocument.Parse(await TextAsync(moved)).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal("application/problem+json", moved.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["action.headers.Authorization", "action.headers.X-Api-Key", "action.headers.X-Tenant", "action.url"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(url, (await StoredAsync(client)).Action.Url);
    }

    [Fact]
    public async Task Moving_the_url_with_the_values_sent_again_is_accepted()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);
        using var created = await client.PostRawAsync($"/api/triggers?tenant={tenant}", Body("https://hooks.example.com/in"));

        using var moved = await PutAsync(client, Body("https://other.example.net/in"));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(Bearer, (await StoredAsync(client)).Action.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("https://hooks.example.com/in?x=1", "https://hooks.example.com/in?x=1")]
    [InlineData("https://u:p@h.example.com/{{id}}", "https://u:…@h.example.com/{{id}}")]
    [InlineData("https://ghp_0123456789abcdef@hooks.example.com/", "https://…cdef@hooks.example.com/")]
    [InlineData("https://u:p@ss@h.example.com:8443?q=a@b", "https://u:…@h.example.com:8443?q=a@b")]
    public void Only_the_credentials_of_a_url_are_masked_and_a_lone_user_counts_as_one(string url, string shown) =>
        Assert.Equal(shown, SecretMask.MaskUrl(url));
}
