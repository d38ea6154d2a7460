using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Storage;

namespace Switchboard.Sessions;

/// <summary>
/// Copies a media file, recording or voicemail from its URL into the archive by streaming: the body goes from the
/// connection to the blob one buffer at a time, never held whole. The named client <see cref="HttpClientName"/>
/// connects through the webhooks' <see cref="NetworkGuard"/> (<see cref="DeliveryOptions.AllowPrivateNetworks"/>), and
/// like webhooks only https is fetched unless private networks are allowed; redirects are followed (each new
/// connection passes the guard again) but never from https to http. Files over <see cref="ExportOptions.MaxMediaBytes"/>
/// are refused, by Content-Length or while streaming. A file already in the archive is not fetched again.
/// </summary>
public sealed class MediaCopier(IHttpClientFactory clients, IOptions<ExportOptions> options, IOptions<DeliveryOptions> delivery, TimeProvider time)
{
    /// <summary>The name of the <see cref="HttpClient"/> media copies use (see <see cref="SessionServiceCollectionExtensions"/>).</summary>
    public const string HttpClientName = "Switchboard.Export";

    /// <summary>
    /// The handler media copies use: connects through a <see cref="NetworkGuard"/>, ignores system proxies (a proxy
    /// would connect on the guard's behalf), sends no cookies and follows at most 5 redirects.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateNetworks)
    {
        var guard = new NetworkGuard(allowPrivateNetworks);
        return new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,

            // New connections re-resolve and re-check the host; a pooled one is not kept for long.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/> unless the target exists, storing the server's
    /// content type (else <paramref name="defaultContentType"/>). What the source or the network did is the result,
    /// never an exception; storage failures throw <see cref="RequestFailedException"/>, and cancelling
    /// <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<MediaCopied> CopyAsync(Uri source, BlobClient target, string defaultContentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultContentType);
        if ((await target.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
        {
            return new MediaCopied { AlreadyArchived = true };
        }

        var settings = options.Value;
        var allowPrivate = delivery.Value.AllowPrivateNetworks;
        if (!source.IsAbsoluteUri || !(source.Scheme == Uri.UriSchemeHttps || (source.Scheme == Uri.UriSchemeHttp && allowPrivate)))
        {
            return MediaCopied.Failure("blocked", $"{source.Scheme}:// is not fetched: media is copied over https (http only when Delivery:AllowPrivateNetworks is on).");
        }

        using var deadline = new CancellationTokenSource(settings.MediaTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, source);
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return MediaCopied.Failure("status", $"The server answered {status} {response.ReasonPhrase}.", status);
            }

            if (response.Content.Headers.ContentLength is { } length && length > settings.MaxMediaBytes)
            {
                return MediaCopied.Failure("too-large", $"The file is {length} bytes, over Export:MaxMediaBytes ({settings.MaxMediaBytes}).", status);
            }

            var contentType = response.Content.Headers.ContentType?.ToString() is { Length: > 0 } sent ? sent : defaultContentType;
            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var capped = new CappedReadStream(body, settings.MaxMediaBytes);
                try
                {
                    await target.UploadAsync(capped, StreamedBlobUpload.CreateOnly(contentType), linked.Token).ConfigureAwait(false);
                }
                catch (IOException) when (capped.Exceeded)
                {
                    return MediaCopied.Failure("too-large", $"The file is over Export:MaxMediaBytes ({settings.MaxMediaBytes}).", status);
                }
                catch (RequestFailedException exception) when (exception.IsAlreadyExists())
                {
                    // A concurrent export archived it first.
                    return new MediaCopied { AlreadyArchived = true };
                }

                return new MediaCopied { Bytes = capped.BytesRead, ContentType = contentType };
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return MediaCopied.Failure("timeout", $"Not copied within {settings.MediaTimeout}.");
        }
        catch (HttpRequestException exception) when (ExceptionChain.Find<BlockedDestinationException>(exception) is { } blocked)
        {
            return MediaCopied.Failure("blocked", blocked.Message);
        }
        catch (HttpRequestException exception)
        {
            return MediaCopied.Failure("connection", ExceptionChain.Describe(exception));
        }
        catch (IOException exception)
        {
            return MediaCopied.Failure("connection", exception.Message);
        }
    }
}
