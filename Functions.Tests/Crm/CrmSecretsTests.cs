using System.Text.Json;
using Switchboard.Crm;

namespace Switchboard.Tests.Crm;

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
        Assert.Equal("…", CrmSecrets.Mask("short"));
    }

    [Fact]
    public void Masked_values_sent_back_keep_the_stored_secrets_and_new_ones_replace_them()
    {
        var stored = WithEverySecret();
        var edited = CrmSecrets.Masked(stored) with { TimeoutSeconds = 3 };
        edited = edited with { Auth = edited.Auth with { OAuth = edited.Auth.OAuth! with { ClientSecret = "a-brand-new-secret" } } };

        var kept = CrmSecrets.KeepStored(edited, stored);

        Assert.Equal("basic-password-1234", kept.Auth.Basic!.Password);
        Assert.Equal("api-key-abcdefgh-9876", kept.Auth.Headers[0].Value);
        Assert.Equal("a-brand-new-secret", kept.Auth.OAuth!.ClientSecret);
        Assert.Equal("refresh-token-qwerty-7777", kept.Auth.OAuth.RefreshToken);
        Assert.Equal(3, kept.TimeoutSeconds);
    }
}
