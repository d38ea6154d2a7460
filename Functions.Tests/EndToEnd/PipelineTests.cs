using Microsoft.AspNetCore.Http;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Events;
using Switchboard.Triggers;

namespace Switchboard.Tests.EndToEnd;

/// <summary>The portable host end to end: platform request → queue → trigger → loopback receiver.</summary>
public sealed class PipelineTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly string[] AllEvents = ["*"];

    public static TheoryData<string, string, string> Samples() => new()
    {
        { "ucontact", PrintedPayloads.UcontactAgentRingNoAnswer, "application/json" },
        { "cdr", WrittenPayloads.CdrEnglish, "application/json" },
        { "videsk", WrittenPayloads.VideskTemplateRendered, "application/json" },
        { "webitel", WrittenPayloads.Webitel("joined"), "application/json" },
        { "ccai", PrintedPayloads.CcaiNewCall, "application/json" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task An_event_of_each_source_reaches_the_receiver_with_a_verifying_signature(string source, string body, string contentType)
    {
        await using var receiver = await Receiver.StartAsync();
        await using var host = new PipelineHost(azurite.ConnectionString);
        var tenant = AzuriteFixture.UniqueName("e2e");
        var secret = TriggerSecrets.Generate();
        await host.CreateTriggerAsync(new
        {
            tenant,
            name = $"{source} to receiver",
            source,
            events = AllEvents,
            action = new { url = receiver.Url($"hooks/{source}"), secret, customData = new { hook = source } },
        });

        using var response = await host.PostEventAsync(source, body, contentType, $"?tenant={tenant}");
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, Patience, $"the {source} event reaches the receiver");

        var received = Assert.Single(receiver.Requests);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(source, accepted.GetProperty("source").GetString());
        Assert.Equal($"/hooks/{source}", received.Path);
        Assert.True(IndependentSignature.Matches(secret, received));
        Assert.Equal(accepted.GetProperty("id").GetString(), received.Json.GetProperty("id").GetString());
        Assert.Equal(accepted.GetProperty("type").GetString(), received.Json.GetProperty("event").GetString());
        Assert.Equal(source, received.Json.GetProperty("customData").GetProperty("hook").GetString());
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(body).RootElement, received.Json.GetProperty("data")), "data is the payload untouched");
    }

    [Fact]
    public async Task A_receiver_answering_500_500_200_gets_three_attempts_about_2_and_4_seconds_apart()
    {
        var clock = Stopwatch.StartNew();
        var arrivals = new List<TimeSpan>();
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            int count;
            lock (arrivals)
            {
                arrivals.Add(clock.Elapsed);
                count = arrivals.Count;
            }

            context.Response.StatusCode = count < 3 ? 500 : 200;
            await context.Response.WriteAsync("answer " + count);
        });
        await using var host = new PipelineHost(azurite.ConnectionString);
        var tenant = AzuriteFixture.UniqueName("e2e");
        await host.CreateTriggerAsync(new
        {
            tenant,
            name = "retrying",
            source = "ucontact",
            events = AllEvents,
            action = new { url = receiver.Url("flaky"), retry = new { policy = "linear", attempts = 3 } },
        });

        using var response = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin, query: $"?tenant={tenant}");
        await Eventually.TrueAsync(() => receiver.Requests.Count >= 3, Patience, "three attempts arrive");
        await Task.Delay(1000);

        var requests = receiver.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Single(requests.Select(r => r.Header("webhook-id")).Distinct());
        var first = arrivals[1] - arrivals[0];
        var second = arrivals[2] - arrivals[1];
        Assert.InRange(first.TotalSeconds, 1.8, 4.0);
        Assert.InRange(second.TotalSeconds, 3.8, 6.5);
    }

    [Fact]
    public async Task An_ended_session_is_archived_after_the_export_delay()
    {
        await using var host = new PipelineHost(azurite.ConnectionString);
        var tenant = AzuriteFixture.UniqueName("e2e");
        var callId = JsonDocument.Parse(PrintedPayloads.CcaiEndCall).RootElement.GetProperty("data").GetProperty("call_id").GetRawText();

        using var started = await host.PostEventAsync("ccai", PrintedPayloads.CcaiNewCall, query: $"?tenant={tenant}");
        using var ended = await host.PostEventAsync("ccai", PrintedPayloads.CcaiEndCall, query: $"?tenant={tenant}");
        var endedAt = DateTimeOffset.UtcNow;
        var metadata = azurite.Blobs.GetBlobContainerClient("switchboard-sessions").GetBlobClient($"ujet-metadata/call-{callId}.json");
        await Eventually.TrueAsync(async () => (await metadata.ExistsAsync()).Value, Patience, "the metadata file is written");

        var archived = JsonDocument.Parse((await metadata.DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal(HttpStatusCode.Accepted, ended.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - endedAt >= TimeSpan.FromSeconds(2.5), "not before Export:Delay (3 s) has passed");
        Assert.Equal(callId, archived.GetProperty("sessionId").GetString());
        Assert.Equal("call", archived.GetProperty("channel").GetString());

        host.Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", PipelineHost.AdminKey);
        var served = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri($"/api/sessions/call/{callId}?tenant={tenant}", UriKind.Relative))).RootElement;
        var files = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri($"/api/sessions/archive?tenant={tenant}", UriKind.Relative))).RootElement;
        using var missing = await host.Http.GetAsync(new Uri($"/api/sessions/call/0?tenant={tenant}", UriKind.Relative));
        Assert.Equal(callId, served.GetProperty("sessionId").GetString());
        Assert.Contains(files.EnumerateArray(), f => f.GetProperty("path").GetString() == $"ujet-metadata/call-{callId}.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public static TheoryData<string, string, string, string?, int> BadInput() => new()
    {
        { "ucontact", "not json at all", "application/json", null, 400 },
        { "ucontact", PrintedPayloads.UcontactAgentLogin, "application/json", "no-key", 401 },
        { "skype", PrintedPayloads.UcontactAgentLogin, "application/json", null, 404 },
        { "ucontact", "{\"event\":\"AgentLog\",\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", "application/json", null, 413 },
        { "ucontact", "<event>AgentLog</event>", "application/xml", null, 415 },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_problem_and_queues_nothing(string source, string body, string contentType, string? variant, int status)
    {
        // No workers: whatever reached the queue stays there to be seen.
        await using var host = new PipelineHost(azurite.ConnectionString, new Dictionary<string, string?> { ["Queues:RunWorkers"] = "false" });

        HttpResponseMessage response;
        if (variant == "no-key")
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
            response = await host.Http.PostAsync(new Uri($"/api/events/{source}", UriKind.Relative), content);
        }
        else
        {
            response = await host.PostEventAsync(source, body, contentType);
        }

        using (response)
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var queue = azurite.Queues.GetQueueClient(QueueNames.Events);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }
}
