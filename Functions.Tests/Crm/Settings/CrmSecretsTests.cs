using System.Text.Json;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;

namespace Switchboard.Tests.Crm.Settings;

public sealed class CrmSecretsTests
{
    private static CrmSettings WithEverySecret() => CrmSamples.Settings() with
    {
        Auth = new CrmAuth
        {
            Method = "oauth2",
            Basic = new CrmBasicAuth { Username = "u", Password = "basic-password-1234" },
            Headers = [new() { Name = "X-Api-Key", Value = "api-key-abcdefgh-9876" }],
            OAuth = new CrmOAuth { ClientId = "client", ClientSecret = "client-secret-xyz-5555", RefreshToken = "refresh-token-qwerty-7777" },
        },
    };

    [Fact]
    public void Responses_show_no_secret_beyond_its_last_four_characters()
    {
        var masked = CrmSecrets.Masked(WithEverySecret());
        var json = JsonSerializer.Serialize(masked, CrmJson.Options);

        Assert.Equal(("…1234", "…9876", "…5555", "…7777"), (masked.Auth.Basic!.Password, masked.Auth.Headers[0].Value, masked.Auth.OAuth!.ClientSecret, masked.Auth.OAuth.RefreshToken));
        Assert.DoesNotContain("basic-password", json, StringComparison.Ordinal);
        Assert.DoesNotContain("api-key", json, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-token", json, StringComparison.Ordinal);
        Assert.Equal("…", SecretMask.Mask("short"));
    }

    [Fact]
    public void Masked_values_sent_back_keep_the_stored_secrets_and_new_ones_replace_them()
    {
        var stored = WithEverySecret();
        var edited = CrmSecrets.Masked(stored) with { TimeoutSeconds = 3 };
        edited = edited with { Auth = edited.Auth with { OAuth = edited.Auth.OAuth! with { ClientSecret = "a-brand-new-secret" } } };

        var problems = CrmSecrets.KeepStored(edited, stored, out var kept);

        Assert.Empty(problems);

        Assert.Equal("basic-password-1234", kept.Auth.Basic!.Password);
        Assert.Equal("api-key-abcdefgh-9876", kept.Auth.Headers[0].Value);
        Assert.Equal("a-brand-new-secret", kept.Auth.OAuth!.ClientSecret);
        Assert.Equal("refresh-token-qwerty-7777", kept.Auth.OAuth.RefreshToken);
        Assert.Equal(3, kept.TimeoutSeconds);
    }

    [Fact]
    public void Masked_oauth_secrets_are_not_kept_when_the_token_url_moves_to_another_origin()
    {
        var stored = WithEverySecret() with { Auth = WithEverySecret().Auth with { OAuth = WithEverySecret().Auth.OAuth! with { TokenUrl = "https://login.crm.example.com/token" } } };
        var edited = CrmSecrets.Masked(stored);
        edited = edited with { Auth = edited.Auth with { OAuth = edited.Auth.OAuth! with { TokenUrl = "https://login.attacker.example.net/token" } } };

        var problems = CrmSecrets.KeepStored(edited, stored, out _);

        Assert.Equal(["auth.oauth.clientSecret", "auth.oauth.refreshToken"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("https://login.attacker.example.net:443", problems["auth.oauth.clientSecret"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_masked_secret_is_refused_when_an_endpoint_moves_to_an_origin_the_stored_endpoints_did_not_have()
    {
        var stored = WithEverySecret();
        var edited = CrmSecrets.Masked(stored);
        edited = edited with { Endpoints = edited.Endpoints with { Comment = edited.Endpoints.Comment! with { Url = "https://crm.attacker.example.net/api/records/{RECORD_ID}/comments" } } };

        var problems = CrmSecrets.KeepStored(edited, stored, out _);

        Assert.Equal(["auth.basic.password", "auth.headers[0].value", "auth.oauth.clientSecret", "auth.oauth.refreshToken"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.All(problems.Values, messages => Assert.Contains("endpoints.comment.url", messages[0], StringComparison.Ordinal));
    }
}
