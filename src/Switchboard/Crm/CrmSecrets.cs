namespace Switchboard.Crm;

/// <summary>
/// Keeps CRM credentials out of API responses — the basic password, custom header values, the OAuth client secret
/// and refresh token — and lets an update that sends a masked value back keep the stored one, so an administrator
/// can GET, edit and PUT without ever holding the secrets.
/// </summary>
public static class CrmSecrets
{
    private const string Ellipsis = "…";

    /// <summary>The secret as shown to people: an ellipsis and, for secrets of 12 characters or more, the last four.</summary>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length < 12 ? Ellipsis : Ellipsis + secret[^4..];
    }

    /// <summary>The settings with every secret masked, for responses.</summary>
    public static CrmSettings Masked(CrmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var auth = settings.Auth;
        return settings with
        {
            Auth = auth with
            {
                Basic = auth.Basic is { } basic ? basic with { Password = Mask(basic.Password) } : null,
                Headers = [.. auth.Headers.Select(h => h with { Value = Mask(h.Value) })],
                OAuth = auth.OAuth is { } oauth
                    ? oauth with { ClientSecret = Mask(oauth.ClientSecret), RefreshToken = oauth.RefreshToken is { } token ? Mask(token) : null }
                    : null,
            },
        };
    }

    /// <summary>
    /// <paramref name="incoming"/> with each secret that equals the mask of the stored one replaced by the stored one;
    /// header values are matched by header name.
    /// </summary>
    public static CrmSettings KeepStored(CrmSettings incoming, CrmSettings? stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (stored is null || incoming.Auth is not { } auth)
        {
            return incoming;
        }

        var kept = stored.Auth;
        return incoming with
        {
            Auth = auth with
            {
                Basic = auth.Basic is { } basic ? basic with { Password = Keep(basic.Password, kept.Basic?.Password) } : null,
                Headers = auth.Headers is null ? [] : [.. auth.Headers.Select(h => h is null ? h! : h with
                {
                    Value = Keep(h.Value, kept.Headers.FirstOrDefault(k => string.Equals(k.Name, h.Name, StringComparison.OrdinalIgnoreCase))?.Value),
                })],
                OAuth = auth.OAuth is { } oauth ? oauth with
                {
                    ClientSecret = Keep(oauth.ClientSecret, kept.OAuth?.ClientSecret),
                    RefreshToken = oauth.RefreshToken is null ? null : Keep(oauth.RefreshToken, kept.OAuth?.RefreshToken),
                }
                : null,
            },
        };
    }

    private static string Keep(string? incoming, string? stored) =>
        incoming is not null && stored is not null && incoming == Mask(stored) ? stored : incoming ?? string.Empty;
}
