using Switchboard.Crm.Calls;

namespace Switchboard.Crm.Settings;

/// <summary>
/// An OAuth 2.0 client (RFC 6749) the CRM requests get their bearer token from. Tokens come from
/// <see cref="TokenUrl"/> with the client-credentials grant, or with the refresh-token grant when the CRM wants a
/// user's consent (obtained once through <see cref="AuthorizationUrl"/>); they are cached until they expire and
/// fetched again once when the CRM answers 401.
/// </summary>
public sealed record CrmOAuth
{
    /// <summary>The client-credentials grant (<c>grant_type=client_credentials</c>).</summary>
    public const string ClientCredentials = "client_credentials";

    /// <summary>The refresh-token grant (<c>grant_type=refresh_token</c>) with <see cref="RefreshToken"/>.</summary>
    public const string RefreshTokenGrant = "refresh_token";

    /// <summary>The authorization endpoint, where a user consents (required).</summary>
    public string AuthorizationUrl { get; init; } = string.Empty;

    /// <summary>The token endpoint (required).</summary>
    public string TokenUrl { get; init; } = string.Empty;

    /// <summary>The client id (required).</summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>The client secret (required); masked in API responses.</summary>
    public string ClientSecret { get; init; } = string.Empty;

    /// <summary>The scope requested, space-separated; none when empty.</summary>
    public string? Scope { get; init; }

    /// <summary>The <c>state</c> sent with the authorization request.</summary>
    public string? State { get; init; }

    /// <summary>The <c>access_type</c> sent with the authorization request (e.g. <c>offline</c> to get a refresh token).</summary>
    public string? AccessType { get; init; }

    /// <summary>client_credentials (the default) or refresh_token.</summary>
    public string GrantType { get; init; } = ClientCredentials;

    /// <summary>The refresh token of the refresh-token grant; masked in API responses. A rotated one replaces it.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Whether <see cref="RedirectUrl"/> is sent as <c>redirect_uri</c> to the authorization and token URLs.</summary>
    public bool IncludeRedirectUrl { get; init; }

    /// <summary>The redirect URL registered with the CRM, required when <see cref="IncludeRedirectUrl"/> is on.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>
    /// The URL a user opens to consent (RFC 6749, section 4.1.1): <see cref="AuthorizationUrl"/> with
    /// <c>response_type=code</c>, <c>client_id</c>, and <c>redirect_uri</c>, <c>scope</c>, <c>state</c> and
    /// <c>access_type</c> when set; the code it yields is exchanged for the refresh token. Null when
    /// <see cref="AuthorizationUrl"/> is not an absolute URL.
    /// </summary>
    public Uri? AuthorizationRequest()
    {
        if (!Uri.TryCreate(AuthorizationUrl, UriKind.Absolute, out var url))
        {
            return null;
        }

        var parameters = new (string Name, string? Value)[]
        {
            ("response_type", "code"),
            ("client_id", ClientId),
            ("redirect_uri", IncludeRedirectUrl ? RedirectUrl : null),
            ("scope", Scope),
            ("state", State),
            ("access_type", AccessType),
        };
        return CrmRequestBuilder.WithQuery(url, parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => (p.Name, p.Value!)));
    }
}
