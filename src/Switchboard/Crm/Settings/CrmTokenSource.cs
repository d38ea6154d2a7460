using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Calls;
using Switchboard.Delivery;

namespace Switchboard.Crm.Settings;

/// <summary>
/// OAuth 2.0 access tokens for the CRM (RFC 6749: client credentials, section 4.4; refresh token, section 6): requested
/// from the token URL as a form with the client id and secret in the body, cached per tenant and client until
/// <c>expires_in</c> less a margin (an hour when the server gives no lifetime), and dropped when the CRM answers 401. A
/// refresh token the server rotates replaces the stored one in table <c>CrmSettings</c>.
/// </summary>
public sealed partial class CrmTokenSource(
    IHttpClientFactory clients,
    CrmSettingsStore store,
    CrmSettingsCatalog catalog,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<CrmTokenSource> logger)
{
    /// <summary>How long a token without <c>expires_in</c> is used (until the CRM refuses it).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>A token is renewed this long before it expires (half its lifetime when that is shorter).</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CachedToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tenant, string Token), string> rotated = new();

    /// <summary>
    /// An access token for the tenant's OAuth client, from the cache or the token URL. Throws
    /// <see cref="CrmTokenException"/> when none can be had; cancelling throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<string> GetAsync(CrmSettings settings, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var oauth = settings.Auth.OAuth ?? throw new CrmTokenException("The settings hold no OAuth client.");
        var key = Key(settings.Tenant, oauth);
        if (tokens.TryGetValue(key, out var cached) && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.AccessToken;
        }

        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched one while this one waited.
            if (tokens.TryGetValue(key, out cached) && time.GetUtcNow() < cached.RenewAt)
            {
                return cached.AccessToken;
            }

            var fetched = await FetchAsync(settings.Tenant, oauth, timeout, cancellationToken).ConfigureAwait(false);
            tokens[key] = fetched;
            return fetched.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="accessToken"/> (the CRM refused it), so the next request fetches a new one.</summary>
    public void Invalidate(CrmSettings settings, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Auth.OAuth is { } oauth)
        {
            var key = Key(settings.Tenant, oauth);
            if (tokens.TryGetValue(key, out var cached) && cached.AccessToken == accessToken)
            {
                tokens.TryRemove(new KeyValuePair<string, CachedToken>(key, cached));
            }
        }
    }

    /// <summary>
    /// Exchanges the authorization code a user's consent produced (RFC 6749, section 4.1.3) for tokens, and returns the
    /// refresh token the refresh-token grant will use from then on; the access token is cached for that grant. Throws
    /// <see cref="CrmTokenException"/> when the endpoint gives no refresh token (ask for offline access with
    /// <see cref="CrmOAuth.AccessType"/>) or no token at all.
    /// </summary>
    public async Task<string> ExchangeCodeAsync(CrmSettings settings, string code, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var oauth = settings.Auth.OAuth ?? throw new CrmTokenException("The settings hold no OAuth client.");
        var form = Form(oauth, "authorization_code");
        form.Add(new("code", code));
        var (accessToken, lifetime, refreshToken) = await RequestAsync(settings.Tenant, oauth, form, timeout, cancellationToken).ConfigureAwait(false);
        if (refreshToken is null)
        {
            throw new CrmTokenException(AttemptError.Request, "The OAuth token endpoint exchanged the code but gave no refresh_token; ask for offline access (accessType) and consent again.");
        }

        var refreshing = oauth with { GrantType = CrmOAuth.RefreshTokenGrant, RefreshToken = refreshToken };
        tokens[Key(settings.Tenant, refreshing)] = new CachedToken(accessToken, time.GetUtcNow() + lifetime - Margin(lifetime));
        LogCodeExchanged(logger, settings.Tenant);
        return refreshToken;
    }

    private async Task<CachedToken> FetchAsync(string tenant, CrmOAuth oauth, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var refreshToken = oauth.RefreshToken is { } stored && rotated.TryGetValue((tenant, stored), out var newer) ? newer : oauth.RefreshToken;
        var form = Form(oauth, oauth.GrantType);
        if (oauth.GrantType == CrmOAuth.RefreshTokenGrant && refreshToken is not null)
        {
            form.Add(new("refresh_token", refreshToken));
        }

        var (accessToken, lifetime, newRefreshToken) = await RequestAsync(tenant, oauth, form, timeout, cancellationToken).ConfigureAwait(false);
        if (newRefreshToken is not null && refreshToken is not null && newRefreshToken != refreshToken)
        {
            await RotateAsync(tenant, refreshToken, newRefreshToken, cancellationToken).ConfigureAwait(false);
        }

        LogTokenFetched(logger, tenant, oauth.GrantType, lifetime);
        return new CachedToken(accessToken, time.GetUtcNow() + lifetime - Margin(lifetime));
    }

    /// <summary>The form fields every grant sends: grant type, client id and secret, and scope and redirect URL when set.</summary>
    private static List<KeyValuePair<string, string>> Form(CrmOAuth oauth, string grant)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", grant),
            new("client_id", oauth.ClientId),
            new("client_secret", oauth.ClientSecret),
        };
        if (!string.IsNullOrWhiteSpace(oauth.Scope) && grant != "authorization_code")
        {
            form.Add(new("scope", oauth.Scope));
        }

        if (oauth.IncludeRedirectUrl && oauth.RedirectUrl is { } redirect)
        {
            form.Add(new("redirect_uri", redirect));
        }

        return form;
    }

    /// <summary>Posts <paramref name="form"/> to the token URL; the access token, its lifetime and any refresh token.</summary>
    private async Task<(string AccessToken, TimeSpan Lifetime, string? RefreshToken)> RequestAsync(
        string tenant, CrmOAuth oauth, List<KeyValuePair<string, string>> form, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(WireText.UrlText(oauth.TokenUrl), UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && delivery.Value.AllowPrivateNetworks)))
        {
            throw new CrmTokenException(AttemptError.Blocked, $"The token URL '{oauth.TokenUrl}' is not an allowed https URL.");
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        WireText.AddHeader(request.Headers, "Accept", "application/json");
        string body;
        int status;
        try
        {
            using var response = await clients.CreateClient(CrmClient.HttpClientName).SendAsync(request, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CrmTokenException(AttemptError.Timeout, $"The OAuth token request got no response within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var (kind, message) = CrmClient.Classify(exception);
            throw new CrmTokenException(kind, $"The OAuth token request failed: {message}");
        }

        var (accessToken, expiresIn, refreshToken, error) = Read(body);
        if (status is < 200 or > 299 || accessToken is null)
        {
            LogTokenRefused(logger, tenant, status, error ?? "no access_token");
            throw new CrmTokenException(AttemptError.Request, $"The OAuth token endpoint answered {status} without a token ({error ?? "no access_token"}).", status);
        }

        return (accessToken, expiresIn is > 0 ? TimeSpan.FromSeconds(expiresIn.Value) : DefaultLifetime, refreshToken);
    }

    private static TimeSpan Margin(TimeSpan lifetime) => lifetime / 2 < ExpiryMargin ? lifetime / 2 : ExpiryMargin;

    private async Task RotateAsync(string tenant, string used, string newer, CancellationToken cancellationToken)
    {
        // Settings read before the rotation (the catalog's copy, a queued run) still name an older token.
        foreach (var entry in rotated.Where(e => e.Key.Tenant == tenant && e.Value == used).ToList())
        {
            rotated[entry.Key] = newer;
        }

        rotated[(tenant, used)] = newer;
        await store.RotateRefreshTokenAsync(tenant, used, newer, cancellationToken).ConfigureAwait(false);
        catalog.Invalidate(tenant);
        LogRefreshTokenRotated(logger, tenant);
    }

    private static (string? AccessToken, double? ExpiresIn, string? RefreshToken, string? Error) Read(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, "the response is not a JSON object");
            }

            static string? Text(JsonElement root, string name) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

            double? expiresIn = root.TryGetProperty("expires_in", out var expires)
                ? expires.ValueKind == JsonValueKind.Number ? expires.GetDouble()
                : double.TryParse(expires.ValueKind == JsonValueKind.String ? expires.GetString() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
                : null;
            return (Text(root, "access_token"), expiresIn, Text(root, "refresh_token"), Text(root, "error"));
        }
        catch (JsonException)
        {
            return (null, null, null, "the response is not JSON");
        }
    }

    // Settings edits that change the client start a new cache entry; the refresh token is left out because it rotates.
    private static string Key(string tenant, CrmOAuth oauth)
    {
        var identity = string.Join('\n', oauth.TokenUrl, oauth.ClientId, oauth.ClientSecret, oauth.Scope, oauth.GrantType, oauth.RedirectUrl);
        return $"{tenant}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM OAuth token of tenant {Tenant} fetched ({Grant}, valid {Lifetime})")]
    private static partial void LogTokenFetched(ILogger logger, string tenant, string grant, TimeSpan lifetime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM OAuth token endpoint of tenant {Tenant} answered {Status} without a token: {Error}")]
    private static partial void LogTokenRefused(ILogger logger, string tenant, int status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM OAuth authorization code of tenant {Tenant} exchanged; the refresh-token grant is set up")]
    private static partial void LogCodeExchanged(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM OAuth refresh token of tenant {Tenant} rotated by the server; the stored one was replaced")]
    private static partial void LogRefreshTokenRotated(ILogger logger, string tenant);

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAt);
}
