using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>
/// Sends CRM requests with the tenant's authentication — basic, custom headers, or an OAuth 2.0 bearer token fetched
/// again once when the CRM answers 401 — within the tenant's timeout, through the same network guard as webhooks
/// (https only, and no private addresses, unless <see cref="DeliveryOptions.AllowPrivateNetworks"/>). Never throws for
/// what the CRM or the network did: that is the response's <see cref="CrmResponse.Outcome"/>. Redirects are not
/// followed: an API that moved answers 3xx, which is recorded as a failure.
/// </summary>
public sealed partial class CrmClient(
    IHttpClientFactory clients,
    CrmTokenSource tokens,
    IOptions<DeliveryOptions> delivery,
    IOptions<CrmOptions> options,
    TimeProvider time,
    ILogger<CrmClient> logger)
{
    /// <summary>The name of the guarded <see cref="HttpClient"/> CRM requests and token requests use.</summary>
    public const string HttpClientName = "Switchboard.Crm";

    private readonly string userAgent = $"{WebhookRequestBuilder.ProductName}/{delivery.Value.UserAgentVersion ?? WebhookRequestBuilder.LibraryVersion}";

    /// <summary>
    /// Sends <paramref name="request"/> for the tenant of <paramref name="settings"/>. Cancelling
    /// <paramref name="cancellationToken"/> (shutdown) throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<CrmResponse> SendAsync(CrmSettings settings, CrmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(settings.TimeoutSeconds, 1, CrmSettings.MaxTimeoutSeconds));
        if (request.Url.Scheme != Uri.UriSchemeHttps && !(request.Url.Scheme == Uri.UriSchemeHttp && delivery.Value.AllowPrivateNetworks))
        {
            return CrmResponse.Failure(AttemptError.Blocked, $"{request.Url.Scheme}:// is not allowed: CRM endpoints use https (http only when Delivery:AllowPrivateNetworks is on).");
        }

        var oauth = string.Equals(settings.Auth.Method, CrmAuth.OAuthMethod, StringComparison.Ordinal);
        string? token = null;
        for (var attempt = 1; ; attempt++)
        {
            if (oauth)
            {
                try
                {
                    token = await tokens.GetAsync(settings, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (CrmTokenException exception)
                {
                    return CrmResponse.Failure(exception.Error, exception.Message);
                }
            }

            var response = await SendOnceAsync(settings, request, token, timeout, cancellationToken).ConfigureAwait(false);
            if (!oauth || attempt > 1 || response.Outcome.StatusCode != 401)
            {
                return response;
            }

            // The token may have been revoked or expired early: one more try with a fresh one, never more.
            LogTokenRefused(logger, settings.Tenant, request.Url);
            tokens.Invalidate(settings, token!);
        }
    }

    private async Task<CrmResponse> SendOnceAsync(CrmSettings settings, CrmRequest request, string? token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var message = Message(settings, request, token);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadAsync(response, options.Value.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            var excerptBytes = Math.Min(body.Length, delivery.Value.ResponseExcerptBytes);
            var excerpt = excerptBytes == 0 ? null : Encoding.UTF8.GetString(body, 0, excerptBytes);
            return new CrmResponse
            {
                Outcome = AttemptOutcome.Response((int)response.StatusCode, time.GetElapsedTime(started), excerpt),
                Json = Parse(body),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new CrmResponse { Outcome = AttemptOutcome.Failure(AttemptError.Timeout, $"No complete response within {timeout.TotalSeconds:0.#} s.", time.GetElapsedTime(started)) };
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            var (error, text) = Classify(exception);
            return new CrmResponse { Outcome = AttemptOutcome.Failure(error, text, time.GetElapsedTime(started)) };
        }
    }

    private HttpRequestMessage Message(CrmSettings settings, CrmRequest request, string? token)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        WireText.AddHeader(message.Headers, "User-Agent", userAgent);
        WireText.AddHeader(message.Headers, "Accept", "application/json");
        var auth = settings.Auth;
        switch (auth.Method)
        {
            case CrmAuth.BasicMethod when auth.Basic is { } basic:
                WireText.AddHeader(message.Headers, "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.Username}:{basic.Password}")));
                break;
            case CrmAuth.HeaderMethod:
                foreach (var header in auth.Headers)
                {
                    WireText.AddHeader(message.Headers, header.Name, header.Value);
                }

                break;
            case CrmAuth.OAuthMethod when token is not null:
                // The token is whatever the token endpoint answered.
                WireText.AddHeader(message.Headers, "Authorization", "Bearer " + token);
                break;
        }

        if (request.ContentType is not null)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            WireText.AddHeader(message.Content.Headers, "Content-Type", request.ContentType);
        }

        return message;
    }

    /// <summary>What a failed exchange was: blocked by the network guard, or a connection error.</summary>
    internal static (AttemptError Error, string Message) Classify(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is BlockedDestinationException blocked)
            {
                return (AttemptError.Blocked, blocked.Message);
            }

            if (current is SocketException socket)
            {
                return (AttemptError.Connection, $"{socket.SocketErrorCode}: {exception.Message}");
            }
        }

        return (AttemptError.Connection, exception.Message);
    }

    /// <summary>Up to <paramref name="maxBytes"/> + 1 bytes of the body, so a longer one is recognised as cut.</summary>
    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while (buffer.Length <= maxBytes && (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, (int)Math.Min(read, maxBytes + 1 - buffer.Length));
            }

            return buffer.ToArray();
        }
    }

    private JsonElement? Parse(byte[] body)
    {
        if (body.Length == 0 || body.Length > options.Value.MaxResponseBytes)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The query string may carry search criteria with customer data; host and path tell the endpoint.
    private static void LogTokenRefused(ILogger logger, string tenant, Uri url) => LogTokenRefusedAt(logger, tenant, url.Host, url.AbsolutePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM of tenant {Tenant} refused the OAuth token at {Host}{Path} (401); fetching a new one and trying once more")]
    private static partial void LogTokenRefusedAt(ILogger logger, string tenant, string host, string path);
}
