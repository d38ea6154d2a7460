using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;

namespace Switchboard.Tests.Crm.Calls;

/// <summary>Line breaks in what CRM requests are made of — settings, token responses, session data — against the fake CRM.</summary>
public sealed class CrmWireTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Injection = "\r\nX-Evil: 1\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private static CrmRequest Get(FakeCrm crm) => new() { Method = HttpMethod.Get, Url = new Uri(crm.Url("api/accounts/1")) };

    private static async Task<ReceivedRequest> OnlyRequestAsync(CrmHarness harness, string path = "/api/accounts/1")
    {
        // Stopping waits for whatever Kestrel still parses from the connection.
        await harness.Crm.DisposeAsync();
        var received = Assert.Single(harness.Crm.Requests, r => r.Path != "/oauth/token");
        Assert.Equal(path, received.Path);
        Assert.DoesNotContain(harness.Crm.Requests, r => r.Path == "/smuggled");
        return received;
    }

    [Fact]
    public async Task A_custom_header_value_with_line_breaks_arrives_as_one_header()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");
        var settings = harness.Settings() with
        {
            Auth = new CrmAuth { Method = CrmAuth.HeaderMethod, Headers = [new() { Name = "X-Api-Key", Value = "key-123" + Injection }] },
        };

        var response = await harness.Client.SendAsync(settings, Get(harness.Crm));

        Assert.Equal(200, response.Outcome.StatusCode);
        var received = await OnlyRequestAsync(harness);
        Assert.Equal("key-123 X-Evil: 1 GET /smuggled HTTP/1.1 Host: 127.0.0.1", received.Header("X-Api-Key"));
        Assert.Null(received.Header("X-Evil"));
    }

    [Fact]
    public async Task A_token_with_line_breaks_from_the_token_endpoint_stays_in_the_authorization_header()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("POST", "oauth/token", 200, """{"access_token":"tok\r\nX-Evil: 1","expires_in":3600}""");
        harness.Crm.On("GET", "api/accounts/1", 200, "{}");
        var settings = harness.Settings() with
        {
            Auth = new CrmAuth
            {
                Method = CrmAuth.OAuthMethod,
                OAuth = new CrmOAuth { TokenUrl = harness.Crm.Url("oauth/token"), ClientId = "switchboard", ClientSecret = "client-secret" },
            },
        };

        var response = await harness.Client.SendAsync(settings, Get(harness.Crm));

        Assert.Equal(200, response.Outcome.StatusCode);
        var received = await OnlyRequestAsync(harness);
        Assert.Equal("Bearer tok X-Evil: 1", received.Header("Authorization"));
        Assert.Null(received.Header("X-Evil"));
    }

    [Fact]
    public async Task Session_data_with_line_breaks_is_percent_encoded_in_the_path_and_query()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/records/*", 200, "{}");
        var endpoint = new CrmEndpoint
        {
            Url = harness.Crm.Url("api/records/{RECORD_ID}?v=2\r\nX-Literal: 1"),
            Method = "GET",
            Parameters = [new() { Name = "email", Value = "{EMAIL}" }, new() { Name = "q", Value = "=CONCAT_OR({EMAIL}, {PHONE_NUMBER})" }],
        };
        var values = new CrmValues().Set("RECORD_ID", "rec" + Injection).Set("EMAIL", "kim@example.com" + Injection);

        var request = await CrmRequestBuilder.BuildAsync(endpoint, values);
        var response = await harness.Client.SendAsync(harness.Settings(), request);

        Assert.Equal(200, response.Outcome.StatusCode);
        // The receiver decodes the path but keeps an encoded '/' as it came.
        var received = await OnlyRequestAsync(harness, "/api/records/rec" + Injection.Replace("/", "%2F", StringComparison.Ordinal));
        Assert.DoesNotContain(received.RawTarget, WireText.IsUnsafe);
        Assert.Equal("kim@example.com" + Injection, received.Query["email"]);
        Assert.Equal("2\r\nX-Literal: 1", received.Query["v"]);
        Assert.Null(received.Header("X-Evil"));
        Assert.Null(received.Header("X-Literal"));
    }
}
