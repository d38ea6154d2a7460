using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Switchboard.Tests.Guard;

/// <summary>
/// Every API route of the portable host, enumerated from its endpoints, against generated bad input: spoilt route
/// values, query values, headers, bodies and framing. None may answer 5xx, every refusal is problem+json naming the
/// field, and nothing refused is queued.
/// </summary>
public sealed class InputGuardTests(GuardHost host) : IClassFixture<GuardHost>
{
    [Fact]
    public void The_routes_come_from_the_host_and_every_input_kind_is_covered()
    {
        var routes = host.Routes;

        Assert.Contains(routes, r => r.Name == "PostEvent" && r.TakesBody && r.Query.Any(q => q.Key == "code"));
        Assert.Contains(routes, r => r.Name == "ReplaceTrigger" && r.TakesBody && r.Headers.Contains("If-Match"));
        Assert.Contains(routes, r => r.Name == "ListTriggers" && r.Query.Any(q => q is { Key: "pageSize", Value: true }));
        Assert.Contains(routes, r => r.Name == "GetSessionMetadata" && r.RouteValues.SequenceEqual(["channel", "id"]));
        Assert.All(routes.Where(r => r.TakesBody), r => Assert.NotEmpty(GuardSamples.Body(r, host.Tenant)));
    }

    [Fact]
    public async Task The_samples_the_cases_start_from_are_valid()
    {
        foreach (var route in host.Routes.Where(r => r.TakesBody))
        {
            var (status, _, body) = await SendAsync(new GuardCase(route, "baseline", "body", GuardCases.Baseline(route, host.Tenant), MayPass: true));

            Assert.True(status is (>= 200 and < 300) or 404, $"{route}: {status} {body}");
        }
    }

    [Fact]
    public async Task Bad_input_is_never_a_5xx_always_a_problem_naming_the_field_and_queues_nothing()
    {
        var cases = host.Routes.SelectMany(r => GuardCases.For(r, host.Tenant)).ToList();
        var failures = new ConcurrentBag<string>();
        var accepted = 0;
        var queuedBefore = await host.QueuedAsync(GuardHost.EventsQueue);
        async Task RunAsync(GuardCase guardCase)
        {
            var (status, contentType, body) = await SendAsync(guardCase);
            if (GuardVerdict.Judge(guardCase, status, contentType, body) is { } failure)
            {
                failures.Add($"{guardCase}: {failure}");
            }
            else if (status is >= 200 and < 300 && guardCase.Route.Name == "PostEvent")
            {
                Interlocked.Increment(ref accepted);
            }
        }

        // A route's cases run in turn, so writes that may pass never race each other; stalled bodies wait out the
        // server's minimum data rate all at once.
        var stalled = cases.Where(c => c.Framing == GuardFraming.ShortBody).ToList();
        await Task.WhenAll(
            Task.WhenAll(stalled.Select(RunAsync)),
            Parallel.ForEachAsync(cases.Except(stalled).GroupBy(c => c.Route), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (route, _) =>
            {
                foreach (var guardCase in route)
                {
                    await RunAsync(guardCase);
                }
            }));

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Order())}");
        Assert.Equal(queuedBefore + accepted, await host.QueuedAsync(GuardHost.EventsQueue));
        Assert.Equal(0, await host.QueuedAsync(GuardHost.JobsQueue));
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(GuardCase guardCase)
    {
        var request = guardCase.Request;
        if (guardCase.Framing != GuardFraming.None)
        {
            return await RawHttp.SendAsync(host.Address, request, [new("x-switchboard-admin-key", GuardHost.AdminKey), new("x-switchboard-key", GuardHost.IngestKey)], guardCase.Framing);
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Target.TrimStart('/'), UriKind.Relative));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        using var response = await host.Http.SendAsync(message);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
