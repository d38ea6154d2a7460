using Switchboard.Delivery;

namespace Switchboard.Crm.Settings;

/// <summary>
/// Keeps CRM credentials out of API responses — the basic password, custom header values, the OAuth client secret
/// and refresh token — and lets an update that sends a masked value back keep the stored one, so an administrator
/// can GET, edit and PUT without ever holding the secrets, as long as the requests they authenticate stay where they
/// went: a masked secret is not kept when an endpoint moves to an origin (scheme, host and port) none of the stored
/// endpoints had, nor, for the OAuth client secret and refresh token, when the token URL's origin changes.
/// </summary>
public static class CrmSecrets
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    /// <summary>The settings with every secret masked, for responses.</summary>
    public static CrmSettings Masked(CrmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var auth = settings.Auth;
        return settings with
        {
            Auth = auth with
            {
                Basic = auth.Basic is { } basic ? basic with { Password = SecretMask.Mask(basic.Password) } : null,
                Headers = [.. auth.Headers.Select(h => h with { Value = SecretMask.Mask(h.Value) })],
                OAuth = auth.OAuth is { } oauth
                    ? oauth with { ClientSecret = SecretMask.Mask(oauth.ClientSecret), RefreshToken = oauth.RefreshToken is { } token ? SecretMask.Mask(token) : null }
                    : null,
            },
        };
    }

    /// <summary>
    /// <paramref name="incoming"/> with each secret that equals the mask of the stored one replaced by the stored one
    /// (header values matched by header name), in <paramref name="kept"/>. Returns a problem for each masked secret
    /// that would now go to another origin, naming its field; such a secret has to be sent again.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> KeepStored(CrmSettings incoming, CrmSettings? stored, out CrmSettings kept)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        kept = incoming;
        if (stored is null || incoming.Auth is not { } auth)
        {
            return None;
        }

        var was = stored.Auth;
        var masked = new List<string>();
        string Keep(string? value, string? original, string field)
        {
            if (!SecretMask.IsMaskOf(value, original))
            {
                return value ?? string.Empty;
            }

            masked.Add(field);
            return original!;
        }

        kept = incoming with
        {
            Auth = auth with
            {
                Basic = auth.Basic is { } basic ? basic with { Password = Keep(basic.Password, was.Basic?.Password, "auth.basic.password") } : null,
                Headers = auth.Headers is null ? [] : [.. auth.Headers.Select((h, i) => h is null ? h! : h with
                {
                    Value = Keep(h.Value, was.Headers.FirstOrDefault(k => string.Equals(k.Name, h.Name, StringComparison.OrdinalIgnoreCase))?.Value, $"auth.headers[{i}].value"),
                })],
                OAuth = auth.OAuth is { } oauth ? oauth with
                {
                    ClientSecret = Keep(oauth.ClientSecret, was.OAuth?.ClientSecret, "auth.oauth.clientSecret"),
                    RefreshToken = oauth.RefreshToken is null ? null : Keep(oauth.RefreshToken, was.OAuth?.RefreshToken, "auth.oauth.refreshToken"),
                }
                : null,
            },
        };

        if (masked.Count == 0)
        {
            return None;
        }

        // Every credential, a token minted with the OAuth client included, goes to every endpoint.
        var trusted = stored.Endpoints.All.Where(e => e.Endpoint is not null).Select(e => SecretMask.Origin(e.Endpoint!.Url)).ToHashSet();
        var moved = (incoming.Endpoints?.All ?? []).FirstOrDefault(e => e.Endpoint is { } endpoint && !trusted.Contains(SecretMask.Origin(endpoint.Url)));
        var (tokenFrom, tokenTo) = (SecretMask.Origin(was.OAuth?.TokenUrl), SecretMask.Origin(auth.OAuth?.TokenUrl));
        var problems = new Dictionary<string, string[]>();
        foreach (var field in masked)
        {
            if (moved.Endpoint is { } endpoint)
            {
                problems[field] = [$"is masked, and endpoints.{moved.Name}.url sends requests to {SecretMask.Origin(endpoint.Url)}, where no stored endpoint was: send the value itself"];
            }
            else if (field.StartsWith("auth.oauth.", StringComparison.Ordinal) && tokenFrom != tokenTo)
            {
                problems[field] = [$"is masked, and auth.oauth.tokenUrl moves from {tokenFrom} to {tokenTo}: send the value itself"];
            }
        }

        return problems;
    }
}
