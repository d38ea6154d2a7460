using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Switchboard.Tests.Storage;

namespace Switchboard.Tests.Sessions;

/// <summary>
/// Where media comes from in tests: Kestrel at 127.0.0.1 on a free port, in the test process. Routes:
/// <c>/file/{name}?type=</c> answers the bytes of <see cref="Content"/> with that content type (none when absent);
/// <c>/generated/{bytes}?type=</c> streams that many <see cref="PatternStream"/> bytes with a Content-Length, and
/// <c>/chunked/{bytes}</c> without one; anything else is 404. Every request's path is counted.
/// </summary>
internal sealed class MediaOrigin : IAsyncDisposable
{
    private readonly WebApplication app;

    private MediaOrigin(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    public int RequestCount => Requests.Values.Sum();

    public static byte[] Content(string name) => Encoding.UTF8.GetBytes($"media file {name}");

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<MediaOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        MediaOrigin? origin = null;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            origin!.Requests.AddOrUpdate(path, 1, (_, count) => count + 1);
            var segments = path.Trim('/').Split('/');
            var type = context.Request.Query["type"].ToString();
            if (type.Length > 0)
            {
                context.Response.ContentType = type;
            }

            switch (segments)
            {
                case ["file", var name]:
                    await context.Response.Body.WriteAsync(Content(name), context.RequestAborted);
                    break;
                case ["generated", var size] when long.TryParse(size, out var length):
                    context.Response.ContentLength = length;
                    await WritePatternAsync(context, length);
                    break;
                case ["chunked", var size] when long.TryParse(size, out var length):
                    await WritePatternAsync(context, length);
                    break;
                default:
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    break;
            }
        });
        await app.StartAsync();
        origin = new MediaOrigin(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Writes the pattern straight into Kestrel's pooled output buffers, so serving allocates next to nothing.</summary>
    private static async Task WritePatternAsync(HttpContext context, long length)
    {
        var writer = context.Response.BodyWriter;
        for (long offset = 0; offset < length;)
        {
            var memory = writer.GetMemory(64 * 1024);
            var count = (int)Math.Min(memory.Length, length - offset);
            Fill(memory.Span[..count], offset);
            writer.Advance(count);
            offset += count;
            var flushed = await writer.FlushAsync(context.RequestAborted);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                return;
            }
        }
    }

    private static void Fill(Span<byte> span, long offset)
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = PatternStream.At(offset + i);
        }
    }
}
