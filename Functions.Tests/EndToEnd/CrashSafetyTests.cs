using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Xunit.Abstractions;

namespace Switchboard.Tests.EndToEnd;

/// <summary>Nothing accepted is lost when the host dies mid-work: a successor finishes what it started.</summary>
public sealed class CrashSafetyTests(DedicatedAzurite azurite, ITestOutputHelper output) : IClassFixture<DedicatedAzurite>
{
    private const int Events = 2000;

    private static readonly string[] AllEvents = ["*"];

    [Fact]
    public async Task Every_accepted_event_is_delivered_after_the_host_is_killed_mid_processing()
    {
        var delivered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var receiver = await Receiver.StartAsync(async (context, request) =>
        {
            // A receiver with some latency keeps deliveries in flight when the host dies.
            await Task.Delay(25);
            delivered.AddOrUpdate(request.Json.GetProperty("id").GetString()!, 1, (_, n) => n + 1);
            await context.Response.WriteAsync("ok");
        });
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Admin__Keys__0"] = "crash-admin",
            ["Ingest__Keys__0"] = "crash-ingest",
            ["Delivery__AllowPrivateNetworks"] = "true",
            ["Queues__VisibilityTimeout"] = "00:00:05",
            ["Queues__MaxPollInterval"] = "00:00:00.200",

            // This test is about the kill, not ingest's storage budget: with 16 posts at once on a 2-core machine,
            // Azurite can take over the default 1 s for one enqueue, and ingest answers that 503 (which a platform retries).
            ["Ingest__StorageTimeout"] = "00:00:30",
        };

        var accepted = new ConcurrentBag<string>();
        await using (var first = await HostProcess.StartAsync(environment))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            using var create = new HttpRequestMessage(HttpMethod.Post, "api/triggers")
            {
                Content = JsonContent.Create(new { name = "all", events = AllEvents, action = new { url = receiver.Url("crash"), retry = new { policy = "linear", attempts = 10 } } }),
            };
            create.Headers.Add("x-switchboard-admin-key", "crash-admin");
            (await http.SendAsync(create)).EnsureSuccessStatusCode();

            await Parallel.ForEachAsync(Enumerable.Range(0, Events), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            {
                using var content = new StringContent($$"""{"event":"AgentLog","date":"2024-01-01 00:00:00","agent":"a{{i}}","isLogin":true}""", Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/events/ucontact") { Content = content };
                request.Headers.Add("x-switchboard-key", "crash-ingest");
                using var response = await http.SendAsync(request, token);
                if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
                {
                    accepted.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.GetProperty("id").GetString()!);
                }
            });

            first.Kill();
        }

        var deliveredBeforeCrash = delivered.Count;
        await using var second = await HostProcess.StartAsync(environment);
        await Eventually.TrueAsync(() => accepted.All(delivered.ContainsKey), TimeSpan.FromMinutes(4), $"all {accepted.Count} accepted events are delivered");

        output.WriteLine($"accepted {accepted.Count}, delivered before the kill {deliveredBeforeCrash}, delivered twice (identical retries) {delivered.Values.Count(n => n > 1)}");
        Assert.Equal(Events, accepted.Count);
        Assert.InRange(deliveredBeforeCrash, 0, Events - 1);
        Assert.All(accepted, id => Assert.True(delivered.ContainsKey(id)));
    }
}
