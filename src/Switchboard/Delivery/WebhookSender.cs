using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Delivery;

/// <summary>
/// Sends a <see cref="WebhookRequest"/> once and reports what happened as an <see cref="AttemptOutcome"/>, never
/// throwing for what the receiver or the network did. The named client <see cref="HttpClientName"/> connects through
/// the <see cref="NetworkGuard"/> and follows no redirect itself: this class follows up to
/// <see cref="DeliveryOptions.MaxRedirects"/> redirects that stay on the same origin (scheme, host and port), each one
/// going through the guard again; a 303 turns into a GET without body, other redirects keep method, body and headers.
/// The whole exchange, redirects and the response excerpt included, shares one timeout.
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> deliveries use (see <see cref="DeliveryServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "Switchboard.Delivery";

    /// <summary>
    /// Sends <paramref name="request"/>, giving up after <paramref name="timeout"/>. Cancelling
    /// <paramref name="cancellationToken"/> (shutdown) throws <see cref="OperationCanceledException"/>, since such an
    /// attempt did not really happen; everything else becomes the outcome.
    /// </summary>
    public async Task<AttemptOutcome> SendAsync(WebhookRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var settings = options.Value;
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var client = clients.CreateClient(HttpClientName);
        var url = request.Url;
        var method = request.Method;
        var withBody = request.ContentType is not null;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (SchemeRefusal(url, settings.AllowPrivateNetworks) is { } refusal)
                {
                    return AttemptOutcome.Failure(AttemptError.Blocked, refusal, time.GetElapsedTime(started));
                }

                using var message = Message(request, method, url, withBody);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    var target = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (RedirectRefusal(url, target, redirects, settings.MaxRedirects) is { } refused)
                    {
                        LogRedirectRefused(logger, request.WebhookId, status, refused);
                        return AttemptOutcome.Failure(AttemptError.Redirect, refused, time.GetElapsedTime(started), status);
                    }

                    if (status == 303 && method != HttpMethod.Head)
                    {
                        method = HttpMethod.Get;
                        withBody = false;
                    }

                    url = target;
                    continue;
                }

                var excerpt = await ExcerptAsync(response, settings.ResponseExcerptBytes, linked.Token).ConfigureAwait(false);
                return AttemptOutcome.Response(status, time.GetElapsedTime(started), excerpt, RetryAfter(response));
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome.Failure(AttemptError.Timeout, $"No complete response within {timeout.TotalSeconds:0.#} s.", time.GetElapsedTime(started));
        }
        catch (HttpRequestException exception) when (ExceptionChain.Find<BlockedDestinationException>(exception) is { } blocked)
        {
            return AttemptOutcome.Failure(AttemptError.Blocked, blocked.Message, time.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            return AttemptOutcome.Failure(AttemptError.Connection, ExceptionChain.Describe(exception), time.GetElapsedTime(started));
        }
        catch (IOException exception)
        {
            return AttemptOutcome.Failure(AttemptError.Connection, exception.Message, time.GetElapsedTime(started));
        }
    }

    private static HttpRequestMessage Message(WebhookRequest request, HttpMethod method, Uri url, bool withBody)
    {
        var message = new HttpRequestMessage(method, url);
        foreach (var (name, value) in request.Headers)
        {
            WireText.AddHeader(message.Headers, name, value);
        }

        if (withBody)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            WireText.AddHeader(message.Content.Headers, "Content-Type", request.ContentType!);
        }

        return message;
    }

    private static string? SchemeRefusal(Uri url, bool allowPrivateNetworks) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && allowPrivateNetworks)
            ? null
            : $"{url.Scheme}:// is not allowed: webhooks use https (http only when Delivery:AllowPrivateNetworks is on).";

    private static string? RedirectRefusal(Uri from, Uri to, int followed, int max)
    {
        // Another port or scheme is another server as far as the body, signature and credentials are concerned.
        if (Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return $"Redirect to another origin not followed: {to.GetComponents(UriComponents.SchemeAndServer, UriFormat.SafeUnescaped)}.";
        }

        return followed >= max ? $"More than {max} redirects." : null;
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (maxBytes <= 0)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                var filled = 0;
                int read;
                while (filled < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(filled, maxBytes - filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }

                return filled == 0 ? null : Encoding.UTF8.GetString(buffer, 0, filled);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (429 or 503) || response.Headers.RetryAfter is not RetryConditionHeaderValue header)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } positive && positive > TimeSpan.Zero ? positive : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: redirect ({Status}) not followed: {Reason}")]
    private static partial void LogRedirectRefused(ILogger logger, string deliveryId, int status, string reason);
}
