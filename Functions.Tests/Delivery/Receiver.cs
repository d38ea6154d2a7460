using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Switchboard.Tests.Delivery;

/// <summary>
/// A webhook receiver on Kestrel at 127.0.0.1 on a free port, inside the test process. It records every request
/// (raw body bytes included) and answers with <c>respond</c>, 200 "ok" by default. Header values are read as UTF-8.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private Receiver(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The receiver's root, e.g. http://127.0.0.1:54321/.</summary>
    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public string Url(string path) => BaseAddress + path;

    /// <summary>Answers the first request with the first status, the second with the second, and so on; the last status repeats.</summary>
    public static Func<HttpContext, ReceivedRequest, Task> Answering(params int[] statuses)
    {
        var next = -1;
        return async (context, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next), statuses.Length - 1);
            context.Response.StatusCode = statuses[index];
            await context.Response.WriteAsync($"answer {index + 1}");
        };
    }

    public static async Task<Receiver> StartAsync(Func<HttpContext, ReceivedRequest, Task>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Receiver? receiver = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var received = new ReceivedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            receiver!.Requests.Enqueue(received);
            if (respond is null)
            {
                await context.Response.WriteAsync("ok", context.RequestAborted);
            }
            else
            {
                await respond(context, received);
            }
        });
        await app.StartAsync();
        receiver = new Receiver(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
