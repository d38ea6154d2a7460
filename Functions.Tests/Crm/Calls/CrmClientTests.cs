using System.Text;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;

namespace Switchboard.Tests.Crm.Calls;

/// <summary>The CRM client against the fake CRM: each authentication method, OAuth tokens and their refresh, timeouts, the guard.</summary>
public sealed class CrmClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string TokenJson = """{"access_token":"token-{N}","token_type":"Bearer","expires_in":3600}""";

    private static CrmRequest Get(FakeCrm crm, string path = "api/accounts/1") => new() { Method = HttpMethod.Get, Url = new Uri(crm.Url(path)) };

    private static CrmSettings OAuth(CrmHarness harness, string grant = CrmOAuth.ClientCredentials, string? refreshToken = null) => harness.Settings() with
    {
        Auth = new CrmAuth
        {
            Method = CrmAuth.OAuthMethod,
            OAuth = new CrmOAuth
            {
                AuthorizationUrl = harness.Crm.Url("oauth/authorize"),
                TokenUrl = harness.Crm.Url("oauth/token"),
                ClientId = "switchboard",
                ClientSecret = "client-secret",
                Scope = "crm.read crm.write",
                GrantType = grant,
                RefreshToken = refreshToken,
            },
        },
    };

    /// <summary>Answers token requests with token-1, token-2 … in turn.</summary>
    private static void IssueTokens(FakeCrm crm, string json = TokenJson)
    {
        var issued = 0;
        crm.On("POST", "oauth/token", _ => new FakeAnswer(200, json.Replace("{N}", Interlocked.Increment(ref issued).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Basic_authentication_sends_the_user_and_password()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/1", 200, """{"id":1}""");

        var response = await harness.Client.SendAsync(harness.Settings(), Get(harness.Crm));

        Assert.Equal(200, response.Outcome.StatusCode);
        Assert.Equal(1, response.Json?.GetProperty("id").GetInt32());
        var request = Assert.Single(harness.Crm.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("switchboard:s3cret-passw0rd")), request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("Switchboard/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_header_authentication_sends_every_pair()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");
        var settings = harness.Settings() with
        {
            Auth = new CrmAuth { Method = CrmAuth.HeaderMethod, Headers = [new() { Name = "X-Api-Key", Value = "key-123" }, new() { Name = "X-Org", Value = "acme" }] },
        };

        await harness.Client.SendAsync(settings, Get(harness.Crm));

        var request = Assert.Single(harness.Crm.Requests);
        Assert.Equal(("key-123", "acme", null), (request.Header("X-Api-Key"), request.Header("X-Org"), request.Header("Authorization")));
    }

    [Fact]
    public async Task No_authentication_sends_no_credentials()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");

        await harness.Client.SendAsync(harness.Settings() with { Auth = new CrmAuth() }, Get(harness.Crm));

        Assert.Null(Assert.Single(harness.Crm.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Client_credentials_fetch_one_token_and_use_it_until_it_expires()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        IssueTokens(harness.Crm);
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");
        var settings = OAuth(harness);

        await harness.Client.SendAsync(settings, Get(harness.Crm));
        harness.Time.Advance(TimeSpan.FromMinutes(59));
        await harness.Client.SendAsync(settings, Get(harness.Crm));
        var token = Assert.Single(harness.Crm.Calls("POST", "oauth/token"));

        // Renewed 30 s before the hour is up.
        harness.Time.Advance(TimeSpan.FromSeconds(31));
        await harness.Client.SendAsync(settings, Get(harness.Crm));

        Assert.Equal("application/x-www-form-urlencoded", token.Header("Content-Type"));
        Assert.Equal("grant_type=client_credentials&client_id=switchboard&client_secret=client-secret&scope=crm.read+crm.write", token.Text);
        var calls = harness.Crm.Calls("GET", "api/accounts/1");
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], calls.Select(c => c.Header("Authorization")));
        Assert.Equal(2, harness.Crm.Calls("POST", "oauth/token").Count);
    }

    [Fact]
    public async Task A_401_fetches_a_new_token_and_tries_once_more()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        IssueTokens(harness.Crm);
        harness.Crm.On("GET", "api/accounts/1", r => r.Header("Authorization") == "Bearer token-1" ? new FakeAnswer(401) : new FakeAnswer(200, """{"id":1}"""));

        var response = await harness.Client.SendAsync(OAuth(harness), Get(harness.Crm));

        Assert.Equal(200, response.Outcome.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Crm.Calls("GET", "api/accounts/1").Select(c => c.Header("Authorization")));
    }

    [Fact]
    public async Task A_second_401_is_the_answer()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        IssueTokens(harness.Crm);
        harness.Crm.On("GET", "api/accounts/1", 401, """{"error":"invalid_token"}""");

        var response = await harness.Client.SendAsync(OAuth(harness), Get(harness.Crm));

        Assert.Equal(401, response.Outcome.StatusCode);
        Assert.Equal(2, harness.Crm.Calls("GET", "api/accounts/1").Count);
        Assert.Equal(2, harness.Crm.Calls("POST", "oauth/token").Count);
    }

    [Fact]
    public async Task The_refresh_token_grant_sends_the_refresh_token_and_stores_a_rotated_one()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        var settings = OAuth(harness, CrmOAuth.RefreshTokenGrant, "refresh-1");
        await harness.Store.SaveAsync(settings);
        var issued = 0;
        harness.Crm.On("POST", "oauth/token", _ =>
        {
            var n = Interlocked.Increment(ref issued);
            return new FakeAnswer(200, $$"""{"access_token":"token-{{n}}","expires_in":"60","refresh_token":"refresh-{{n + 1}}"}""");
        });
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");

        await harness.Client.SendAsync(settings, Get(harness.Crm));
        harness.Time.Advance(TimeSpan.FromSeconds(31));

        // The settings as read before the rotation still say refresh-1; the rotated token is used all the same.
        await harness.Client.SendAsync(settings, Get(harness.Crm));

        var tokens = harness.Crm.Calls("POST", "oauth/token");
        Assert.Equal(
            ["grant_type=refresh_token&client_id=switchboard&client_secret=client-secret&scope=crm.read+crm.write&refresh_token=refresh-1",
             "grant_type=refresh_token&client_id=switchboard&client_secret=client-secret&scope=crm.read+crm.write&refresh_token=refresh-2"],
            tokens.Select(t => t.Text));
        Assert.Equal("refresh-3", (await harness.Store.GetAsync(harness.Tenant))!.Settings.Auth.OAuth!.RefreshToken);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Crm.Calls("GET", "api/accounts/1").Select(c => c.Header("Authorization")));
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_makes_a_request_error_without_calling_the_crm()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("POST", "oauth/token", 400, """{"error":"invalid_client"}""");

        var response = await harness.Client.SendAsync(OAuth(harness), Get(harness.Crm));

        Assert.Equal(AttemptError.Request, response.Outcome.Error);
        Assert.Equal("The OAuth token endpoint answered 400 without a token (invalid_client).", response.Outcome.ErrorMessage);
        Assert.Empty(harness.Crm.Calls("GET", "api/accounts/1"));
    }

    [Fact]
    public async Task The_redirect_url_goes_with_the_token_request_when_asked()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        IssueTokens(harness.Crm);
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");
        var settings = OAuth(harness);
        settings = settings with { Auth = settings.Auth with { OAuth = settings.Auth.OAuth! with { IncludeRedirectUrl = true, RedirectUrl = "https://switchboard.example.com/oauth" } } };

        await harness.Client.SendAsync(settings, Get(harness.Crm));

        Assert.EndsWith("&redirect_uri=https%3A%2F%2Fswitchboard.example.com%2Foauth", Assert.Single(harness.Crm.Calls("POST", "oauth/token")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crm_slower_than_the_timeout_is_a_timeout()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/1", _ => new FakeAnswer(200, "{}", TimeSpan.FromSeconds(5)));

        // The call's timeout runs on the harness's fake clock: once the request is in, one second passes.
        var call = harness.Client.SendAsync(harness.Settings() with { TimeoutSeconds = 1 }, Get(harness.Crm));
        await Eventually.TrueAsync(() => Task.FromResult(harness.Crm.Calls("GET", "api/accounts/1").Count > 0), TimeSpan.FromSeconds(30), "the call reaches the CRM");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var response = await call;

        Assert.Equal(AttemptError.Timeout, response.Outcome.Error);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_private_networks_are_allowed()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        var options = Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { AllowPrivateNetworks = false });
        var guarded = new CrmClient(
            (IHttpClientFactory)harness.Services.GetService(typeof(IHttpClientFactory))!,
            (CrmTokenSource)harness.Services.GetService(typeof(CrmTokenSource))!,
            options,
            Microsoft.Extensions.Options.Options.Create(new CrmOptions()),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CrmClient>.Instance);

        var response = await guarded.SendAsync(harness.Settings(), Get(harness.Crm));

        Assert.Equal(AttemptError.Blocked, response.Outcome.Error);
        Assert.Empty(harness.Crm.Requests);
    }
}
