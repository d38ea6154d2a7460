using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Events;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Crm;

/// <summary>The CRM API in the portable host: settings with masked secrets, validation naming fields, ETags, and sessions' lookup URLs.</summary>
public sealed class CrmApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private static string Body(Action<Dictionary<string, object?>>? edit = null)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, object?>>(CrmSamples.Json.Replace("{BASE}", "https://api.crm.example.com/", StringComparison.Ordinal))!;
        edit?.Invoke(settings);
        return JsonSerializer.Serialize(settings);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<HttpResponseMessage> PutAsync(AdminClient client, string body, EntityTagHeaderValue? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return client.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetAsync(AdminClient client, string path) => client.Http.GetAsync(new Uri(path.Replace("{tenant}", tenant, StringComparison.Ordinal), UriKind.Relative));

    [Fact]
    public async Task Without_the_admin_key_the_crm_routes_are_401()
    {
        await using var client = new AdminClient(azurite);
        client.Http.DefaultRequestHeaders.Remove("x-switchboard-admin-key");

        using var settings = await GetAsync(client, "/api/crm/settings?tenant={tenant}");
        using var lookup = await GetAsync(client, "/api/sessions/call-1/lookup-url?tenant={tenant}");

        Assert.Equal(HttpStatusCode.Unauthorized, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, lookup.StatusCode);
    }

    [Fact]
    public async Task Put_stores_the_settings_and_get_returns_them_with_an_etag_and_masked_secrets()
    {
        await using var client = new AdminClient(azurite);

        using var put = await PutAsync(client, Body());
        using var get = await GetAsync(client, "/api/crm/settings?tenant={tenant}");
        var body = await JsonAsync(get);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(put.Headers.ETag, get.Headers.ETag);
        Assert.NotNull(get.Headers.ETag);
        Assert.Equal(tenant, body.GetProperty("tenant").GetString());
        Assert.Equal("…w0rd", body.GetProperty("auth").GetProperty("basic").GetProperty("password").GetString());
        Assert.Equal("data", body.GetProperty("endpoints").GetProperty("createAccount").GetProperty("containerName").GetString());
        Assert.Equal("multipart", body.GetProperty("endpoints").GetProperty("uploadFile").GetProperty("uploadType").GetString());
        Assert.DoesNotContain("s3cret-passw0rd", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-passw0rd", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("s3cret-passw0rd", (await client.Services.GetRequiredService<CrmSettingsStore>().GetAsync(tenant))!.Settings.Auth.Basic!.Password);
    }

    [Fact]
    public async Task A_masked_secret_sent_back_keeps_the_stored_one()
    {
        await using var client = new AdminClient(azurite);
        using var put = await PutAsync(client, Body());
        var read = (await JsonAsync(await GetAsync(client, "/api/crm/settings?tenant={tenant}"))).GetRawText();

        using var again = await PutAsync(client, read.Replace("\"timeoutSeconds\":5", "\"timeoutSeconds\":7", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = (await client.Services.GetRequiredService<CrmSettingsStore>().GetAsync(tenant))!.Settings;
        Assert.Equal(("s3cret-passw0rd", 7), (stored.Auth.Basic!.Password, stored.TimeoutSeconds));
    }

    [Fact]
    public async Task Invalid_settings_are_a_validation_problem_naming_each_field()
    {
        await using var client = new AdminClient(azurite);

        using var response = await PutAsync(client, Body(s =>
        {
            s["timeoutSeconds"] = 30;
            s["phoneFormat"] = "local";
        }).Replace("{BASE}", string.Empty, StringComparison.Ordinal).Replace("https://api.crm.example.com/api/accounts\"", "http://api.crm.example.com/api/accounts\"", StringComparison.Ordinal));
        var errors = (await JsonAsync(response)).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("must be between 1 and 10", errors.GetProperty("timeoutSeconds")[0].GetString());
        Assert.StartsWith("must be one of automatic", errors.GetProperty("phoneFormat")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("must use https (http only when Delivery:AllowPrivateNetworks is on)", errors.GetProperty("endpoints.createAccount.url")[0].GetString());
    }

    [Fact]
    public async Task Unknown_fields_and_wrong_types_name_the_field()
    {
        await using var client = new AdminClient(azurite);

        using var unknown = await PutAsync(client, Body(s => s["colour"] = "blue"));
        using var wrong = await PutAsync(client, Body(s => s["timeoutSeconds"] = "soon"));

        Assert.Equal(["is not a known field"], (await JsonAsync(unknown)).GetProperty("errors").GetProperty("colour").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("timeoutSeconds", out _));
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_delete_removes_the_settings()
    {
        await using var client = new AdminClient(azurite);
        using var first = await PutAsync(client, Body());
        using var second = await PutAsync(client, Body(s => s["timeoutSeconds"] = 3));

        using var stale = await PutAsync(client, Body(), first.Headers.ETag);
        using var malformed = await PutAsync(client, Body(), new EntityTagHeaderValue("\"not-an-etag\""));
        using var fresh = await PutAsync(client, Body(), second.Headers.ETag);
        using var deleted = await client.Http.DeleteAsync(new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative));
        using var gone = await GetAsync(client, "/api/crm/settings?tenant={tenant}");
        using var deletedAgain = await client.Http.DeleteAsync(new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("No CRM settings", (await JsonAsync(gone)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task A_session_lookup_url_is_served_beside_the_session_routes_without_clashing()
    {
        await using var client = new AdminClient(azurite);
        var journal = client.Services.GetRequiredService<SessionJournal>();
        await journal.AppendAsync(Ccai("New_Call", """{"call_id":103646,"session_type":"Voice Inbound","end_user_phone":"+1 222 333 4444","queue_path":"Sales / EU"}"""));
        await journal.AppendAsync(Ccai("New_Chat", """{"chat_id":"ab-12","session_type":"Messaging Inbound (Web Chat)","end_user_email":"sam@example.com"}"""));
        using var put = await PutAsync(client, Body(s => s["lookupUrls"] = new Dictionary<string, string>
        {
            ["phone"] = "https://crm.example.com/search?phone={ANI}&email={EMAIL}&queue={MENU_PATH}",
        }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var call = await GetAsync(client, "/api/sessions/call-103646/lookup-url?tenant={tenant}");
        using var chat = await GetAsync(client, "/api/sessions/chat-ab-12/lookup-url?tenant={tenant}");
        using var unknown = await GetAsync(client, "/api/sessions/call-999/lookup-url?tenant={tenant}");
        using var malformed = await GetAsync(client, "/api/sessions/call/lookup-url?tenant={tenant}");
        using var metadata = await GetAsync(client, "/api/sessions/call/103646?tenant={tenant}");

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var body = await JsonAsync(call);
        Assert.Equal("https://crm.example.com/search?phone=%2B12223334444&queue=Sales%20%2F%20EU", body.GetProperty("url").GetString());
        Assert.Equal(("phone", "call-103646"), (body.GetProperty("kind").GetString(), body.GetProperty("session").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        Assert.Equal("No lookup URL configured", (await JsonAsync(chat)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Session not found", (await JsonAsync(unknown)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal("Not exported yet", (await JsonAsync(metadata)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_consent_url_carries_the_client_and_the_code_it_yields_sets_up_the_refresh_token_grant()
    {
        await using var crm = await FakeCrm.StartAsync();
        crm.On("POST", "oauth/token", r => r.Text.Contains("code=good", StringComparison.Ordinal)
                ? new FakeAnswer(200, """{"access_token":"access-1","refresh_token":"refresh-from-consent","expires_in":3600}""")
                : new FakeAnswer(400, """{"error":"invalid_grant"}"""))
            .On("GET", "api/accounts/1", 200, "{}");
        await using var client = new AdminClient(azurite, new Dictionary<string, string?> { ["Delivery:AllowPrivateNetworks"] = "true" });
        using var put = await PutAsync(client, Body(s => s["auth"] = new Dictionary<string, object>
        {
            ["method"] = "oauth2",
            ["oauth"] = new Dictionary<string, object>
            {
                ["authorizationUrl"] = "https://crm.example.com/oauth/authorize",
                ["tokenUrl"] = crm.Url("oauth/token"),
                ["clientId"] = "switchboard",
                ["clientSecret"] = "client-secret-123456",
                ["scope"] = "crm.all",
                ["state"] = "tenant-42",
                ["accessType"] = "offline",
                ["includeRedirectUrl"] = true,
                ["redirectUrl"] = "https://switchboard.example.com/oauth/callback",
            },
        }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var authorize = await GetAsync(client, "/api/crm/oauth/authorize?tenant={tenant}");
        using var refused = await client.PostRawAsync($"/api/crm/oauth/code?tenant={tenant}", """{"code":"bad"}""");
        using var exchanged = await client.PostRawAsync($"/api/crm/oauth/code?tenant={tenant}", """{"code":"good"}""");

        Assert.Equal(
            "https://crm.example.com/oauth/authorize?response_type=code&client_id=switchboard&redirect_uri=https%3A%2F%2Fswitchboard.example.com%2Foauth%2Fcallback&scope=crm.all&state=tenant-42&access_type=offline",
            (await JsonAsync(authorize)).GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal(
            "grant_type=authorization_code&client_id=switchboard&client_secret=client-secret-123456&redirect_uri=https%3A%2F%2Fswitchboard.example.com%2Foauth%2Fcallback&code=good",
            crm.Calls("POST", "oauth/token")[^1].Text);
        var oauth = (await JsonAsync(exchanged)).GetProperty("auth").GetProperty("oauth");
        Assert.Equal(("refresh_token", "…sent"), (oauth.GetProperty("grantType").GetString(), oauth.GetProperty("refreshToken").GetString()));
        var stored = (await client.Services.GetRequiredService<CrmSettingsStore>().GetAsync(tenant))!.Settings;
        Assert.Equal("refresh-from-consent", stored.Auth.OAuth!.RefreshToken);

        // The access token the exchange gave is used at once, with no further token request.
        await client.Services.GetRequiredService<CrmClient>().SendAsync(stored, new CrmRequest { Method = HttpMethod.Get, Url = new Uri(crm.Url("api/accounts/1")) });
        Assert.Equal("Bearer access-1", Assert.Single(crm.Calls("GET", "api/accounts/1")).Header("Authorization"));
        Assert.Equal(2, crm.Calls("POST", "oauth/token").Count);
    }

    private CanonicalEvent Ccai(string type, string data)
    {
        var context = SourceContext.Create(tenant, DateTimeOffset.UtcNow);
        return SourceRequests.Adapter("ccai").Parse(Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","data":{{data}}}"""), "application/json", context);
    }

    [Fact]
    public async Task A_body_tenant_no_table_key_can_hold_is_400_before_anything_is_read()
    {
        await using var client = new AdminClient(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/crm/settings", UriKind.Relative))
        {
            Content = new StringContent(Body(s => s["tenant"] = "a/b"), Encoding.UTF8, "application/json"),
        };

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("tenant", out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_if_match_is_400_and_one_for_settings_that_do_not_exist_412()
    {
        await using var client = new AdminClient(azurite);

        using var malformed = await SendWithIfMatchAsync(client, "W/bogus");
        using var missing = await SendWithIfMatchAsync(client, "*");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await JsonAsync(malformed)).GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(HttpStatusCode.PreconditionFailed, missing.StatusCode);
        Assert.True((await JsonAsync(missing)).GetProperty("errors").TryGetProperty("If-Match", out _));
    }

    private Task<HttpResponseMessage> SendWithIfMatchAsync(AdminClient client, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/crm/settings?tenant={tenant}", UriKind.Relative))
        {
            Content = new StringContent(Body(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.Http.SendAsync(request);
    }
}
