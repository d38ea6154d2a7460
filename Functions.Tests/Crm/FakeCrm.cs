using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Switchboard.Tests.Delivery;

namespace Switchboard.Tests.Crm;

/// <summary>
/// A CRM API on Kestrel at 127.0.0.1 in the test process (the <see cref="Receiver"/> of the delivery tests): it records
/// every request and answers from routes the test sets — the first route whose method and path match — or 404.
/// </summary>
internal sealed class FakeCrm : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Method, string Path, Func<ReceivedRequest, FakeAnswer> Answer)> routes = new();
    private Receiver? receiver;

    public Uri BaseAddress => receiver!.BaseAddress;

    public IReadOnlyList<ReceivedRequest> Requests => [.. receiver!.Requests];

    public static async Task<FakeCrm> StartAsync()
    {
        var crm = new FakeCrm();
        crm.receiver = await Receiver.StartAsync(crm.RespondAsync);
        return crm;
    }

    public string Url(string path) => BaseAddress + path.TrimStart('/');

    /// <summary>Answers <paramref name="method"/> requests whose path is <paramref name="path"/> ('*' matches one segment).</summary>
    public FakeCrm On(string method, string path, Func<ReceivedRequest, FakeAnswer> answer)
    {
        routes.Enqueue((method, path, answer));
        return this;
    }

    public FakeCrm On(string method, string path, int status, string? json = null) => On(method, path, _ => new FakeAnswer(status, json));

    public IReadOnlyList<ReceivedRequest> Calls(string method, string path) =>
        [.. Requests.Where(r => r.Method == method && Matches(path, r.Path))];

    public async ValueTask DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }

    private static bool Matches(string pattern, string path)
    {
        var want = pattern.Trim('/').Split('/');
        var have = path.Trim('/').Split('/');
        return want.Length == have.Length && want.Zip(have).All(p => p.First == "*" || p.First == p.Second);
    }

    private async Task RespondAsync(HttpContext context, ReceivedRequest request)
    {
        var route = routes.FirstOrDefault(r => r.Method == request.Method && Matches(r.Path, request.Path));
        var answer = route.Answer is null ? new FakeAnswer(404, """{"error":"no such route"}""") : route.Answer(request);
        if (answer.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json, Encoding.UTF8, context.RequestAborted);
        }
    }
}
