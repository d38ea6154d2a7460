using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;

namespace Switchboard.Tests.Delivery;

/// <summary>Real requests to Kestrel receivers on 127.0.0.1 (private networks allowed, as in local development).</summary>
public sealed class WebhookSenderTests
{
    private const string Tricky = "Say \"hi\" <b> & a/b 😀 日本語 Ünïcödé";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> MethodsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" })
        {
            foreach (var format in new[] { "json", "form", "xml", "text" })
            {
                data.Add(method, format);
            }
        }

        return data;
    }

    private static async Task<(AttemptOutcome Outcome, ReceivedRequest Received)> SendOnceAsync(Receiver receiver, Switchboard.Triggers.Trigger trigger, Switchboard.Events.CanonicalEvent? canonical = null)
    {
        await using var services = DeliveryHarness.Services();
        var request = DeliveryHarness.Builder().Build(trigger, canonical ?? DeliveryHarness.Event(), "dlv_test", DateTimeOffset.UtcNow);
        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, Timeout);
        return (outcome, Assert.Single(receiver.Requests));
    }

    [Theory]
    [MemberData(nameof(MethodsAndFormats))]
    public async Task Every_method_and_format_arrives_as_sent_with_a_verifiable_signature(string method, string format)
    {
        await using var receiver = await Receiver.StartAsync();
        var canonical = DeliveryHarness.Event();
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), method, format, format == "text" ? "id={{id}};event={{event}};hook={{customData.hook}}" : null);

        var (outcome, received) = await SendOnceAsync(receiver, trigger, canonical);

        Assert.Equal(200, outcome.StatusCode);
        Assert.True(outcome.Succeeded);
        Assert.Equal(method, received.Method);
        Assert.Equal("/hook", received.Path);
        Assert.True(IndependentSignature.Matches(DeliveryHarness.Secret, received));
        Assert.Equal("dlv_test", received.Header("webhook-id"));
        Assert.StartsWith("Switchboard/", received.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("Switchboard", received.Header("X-Powered-By"));
        Assert.Equal("Switchboard", received.Header("X-Requested-With"));
        if (method is "GET" or "HEAD" or "DELETE" or "OPTIONS")
        {
            Assert.Empty(received.Body);
            Assert.Null(received.Header("Content-Type"));
            Assert.Equal(canonical.Id, received.Query["id"]);
            Assert.Equal("crm", received.Query["triggerId"]);
            Assert.Equal("CloudSessionCdr", received.Query["event"]);
            Assert.Equal("after-call", JsonDocument.Parse(received.Query["customData"]).RootElement.GetProperty("hook").GetString());
            return;
        }

        var contentType = received.Header("Content-Type");
        switch (format)
        {
            case "json":
                Assert.Equal("application/json", contentType);
                Assert.Equal(canonical.Id, received.Json.GetProperty("id").GetString());
                Assert.Equal("after-call", received.Json.GetProperty("customData").GetProperty("hook").GetString());
                break;
            case "form":
                Assert.Equal("application/x-www-form-urlencoded", contentType);
                var form = QueryHelpers.ParseQuery(received.Text);
                Assert.Equal(canonical.Id, form["id"]);
                Assert.Equal("2", form["data[cdr][dir]"]);
                Assert.Equal("after-call", form["customData[hook]"]);
                break;
            case "xml":
                Assert.Equal("application/xml; charset=utf-8", contentType);
                var root = XDocument.Parse(received.Text).Root!;
                Assert.Equal(canonical.Id, root.Element("id")!.Value);
                Assert.Equal("after-call", root.Element("customData")!.Element("hook")!.Value);
                break;
            default:
                Assert.Equal("text/plain; charset=utf-8", contentType);
                Assert.Equal($"id={canonical.Id};event=CloudSessionCdr;hook=after-call", received.Text);
                break;
        }
    }

    [Fact]
    public async Task Template_values_arrive_intact_in_path_query_header_and_json_body()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = DeliveryHarness.Trigger(receiver.Url("calls/{{data.name}}"), body: """{"name":"{{data.name}}","data":{{json data}} }""");
        trigger = trigger with
        {
            Action = trigger.Action with
            {
                Query = new Dictionary<string, string> { ["who"] = "{{data.name}}" },
                Headers = new Dictionary<string, string> { ["X-Name"] = "{{data.name}}" },
            },
        };

        var (outcome, received) = await SendOnceAsync(receiver, trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky })));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(Tricky, Uri.UnescapeDataString(received.RawTarget.Split('?')[0]["/calls/".Length..]));
        Assert.Equal(Tricky, received.Query["who"]);
        Assert.Equal(Tricky, received.Header("X-Name"));
        Assert.Equal(Tricky, received.Json.GetProperty("name").GetString());
        Assert.Equal(Tricky, received.Json.GetProperty("data").GetProperty("name").GetString());
        Assert.True(IndependentSignature.Matches(DeliveryHarness.Secret, received));
    }

    [Fact]
    public async Task Template_values_arrive_intact_in_an_xml_body()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = DeliveryHarness.Trigger(receiver.Url("xml"), format: "xml", body: "<call><name>{{data.name}}</name></call>");

        var (_, received) = await SendOnceAsync(receiver, trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky })));

        Assert.Equal(Tricky, XDocument.Parse(received.Text).Root!.Element("name")!.Value);
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_a_timeout()
    {
        await using var receiver = await Receiver.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        await using var services = DeliveryHarness.Services();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger(receiver.Url("slow")), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(1));

        Assert.Equal(AttemptError.Timeout, outcome.Error);
        Assert.Null(outcome.StatusCode);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_error()
    {
        await using var services = DeliveryHarness.Services();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger($"http://127.0.0.1:{DeliveryHarness.ClosedPort()}/hook"), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, Timeout);

        Assert.Equal(AttemptError.Connection, outcome.Error);
        Assert.Contains("ConnectionRefused", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Error_statuses_are_captured_with_the_response_excerpt(int status)
    {
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync($"{{\"error\":\"status {status}\"}}");
        });

        var (outcome, _) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));

        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(AttemptError.None, outcome.Error);
        Assert.False(outcome.Succeeded);
        Assert.Equal($"{{\"error\":\"status {status}\"}}", outcome.ResponseExcerpt);
    }

    [Fact]
    public async Task A_429_retry_after_in_seconds_is_read()
    {
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });

        var (outcome, _) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));

        Assert.Equal(429, outcome.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_503_retry_after_as_an_http_date_is_read_against_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "Sat, 21 Nov 2026 09:05:00 GMT";
            return Task.CompletedTask;
        });
        await using var services = DeliveryHarness.Services(time: clock);
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger(receiver.Url("hook")), DeliveryHarness.Event(), "dlv_1", clock.GetUtcNow());

        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, Timeout);

        Assert.Equal(TimeSpan.FromMinutes(5), outcome.RetryAfter);
    }

    [Fact]
    public async Task Only_the_first_4_KiB_of_a_response_are_kept()
    {
        await using var receiver = await Receiver.StartAsync(async (context, _) => await context.Response.WriteAsync(new string('x', 100_000)));

        var (outcome, _) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));

        Assert.Equal(4096, outcome.ResponseExcerpt!.Length);
    }

    [Fact]
    public async Task A_redirect_on_the_same_host_is_followed_with_method_and_body()
    {
        await using var receiver = await RedirectingReceiverAsync("/old", 308, "/new");
        var outcome = await SendThroughAsync(receiver, "old");
        var hops = receiver.Requests.ToList();

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(["/old", "/new"], hops.Select(r => r.Path));
        Assert.Equal("POST", hops[1].Method);
        Assert.Equal(hops[0].Body, hops[1].Body);
        Assert.True(IndependentSignature.Matches(DeliveryHarness.Secret, hops[1]));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed()
    {
        await using var target = await Receiver.StartAsync();
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            // Same machine, other host name: "localhost" is not "127.0.0.1".
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"http://localhost:{target.BaseAddress.Port}/stolen";
            return Task.CompletedTask;
        });

        var (outcome, _) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));

        Assert.Equal(AttemptError.Redirect, outcome.Error);
        Assert.Equal(302, outcome.StatusCode);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_port_of_the_same_host_is_not_followed()
    {
        await using var target = await Receiver.StartAsync();
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"http://127.0.0.1:{target.BaseAddress.Port}/stolen";
            return Task.CompletedTask;
        });
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"));
        trigger = trigger with { Action = trigger.Action with { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer t0k3n" } } };

        var (outcome, received) = await SendOnceAsync(receiver, trigger);

        Assert.Equal(AttemptError.Redirect, outcome.Error);
        Assert.Equal(307, outcome.StatusCode);
        Assert.Contains($":{target.BaseAddress.Port}", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("Bearer t0k3n", received.Header("Authorization"));
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task A_redirect_to_the_cloud_metadata_address_is_not_followed()
    {
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        });

        var (outcome, _) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));

        Assert.Equal(AttemptError.Redirect, outcome.Error);
        Assert.Contains("169.254.169.254", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_three_redirects_are_not_followed()
    {
        await using var receiver = await Receiver.StartAsync((context, received) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = received.Path + "x";
            return Task.CompletedTask;
        });

        await using var services = DeliveryHarness.Services();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger(receiver.Url("r")), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);
        var outcome = await DeliveryHarness.Sender(services).SendAsync(request, Timeout);

        Assert.Equal(AttemptError.Redirect, outcome.Error);
        Assert.Equal(["/r", "/rx", "/rxx", "/rxxx"], receiver.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_303_redirect_becomes_a_get_without_body()
    {
        await using var receiver = await RedirectingReceiverAsync("/form", 303, "/done");
        var outcome = await SendThroughAsync(receiver, "form");
        var done = receiver.Requests.Last();

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("GET", done.Method);
        Assert.Empty(done.Body);
    }

    [Fact]
    public async Task Custom_data_is_in_every_default_body()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"));
        trigger = trigger with
        {
            Action = trigger.Action with
            {
                CustomData = new Dictionary<string, JsonElement>
                {
                    ["hook"] = JsonSerializer.SerializeToElement("after-call"),
                    ["priority"] = JsonSerializer.SerializeToElement(3),
                    ["tags"] = JsonDocument.Parse("""["a","b"]""").RootElement,
                },
            },
        };

        var (_, received) = await SendOnceAsync(receiver, trigger);
        var customData = received.Json.GetProperty("customData");

        Assert.Equal("after-call", customData.GetProperty("hook").GetString());
        Assert.Equal(3, customData.GetProperty("priority").GetInt32());
        Assert.Equal(2, customData.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task The_verifier_accepts_what_the_receiver_got_and_rejects_tampering()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, received) = await SendOnceAsync(receiver, DeliveryHarness.Trigger(receiver.Url("hook")));
        var verifier = new WebhookVerifier(DeliveryHarness.Secret);
        var id = received.Header("webhook-id");
        var timestamp = received.Header("webhook-timestamp");
        var signature = received.Header("webhook-signature");

        Assert.True(verifier.Verify(received.Body, id, timestamp, signature));
        Assert.True(verifier.Verify(received.Text, id, timestamp, signature));
        Assert.False(verifier.Verify(Encoding.UTF8.GetBytes(received.Text + " "), id, timestamp, signature));
        Assert.False(verifier.Verify(received.Body, "dlv_other", timestamp, signature));
        Assert.False(new WebhookVerifier(Switchboard.Triggers.TriggerSecrets.Generate()).Verify(received.Body, id, timestamp, signature));
    }

    private static Task<Receiver> RedirectingReceiverAsync(string from, int status, string to) =>
        Receiver.StartAsync((context, received) =>
        {
            if (received.Path == from)
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = to;
            }

            return Task.CompletedTask;
        });

    private static async Task<AttemptOutcome> SendThroughAsync(Receiver receiver, string path)
    {
        await using var services = DeliveryHarness.Services();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger(receiver.Url(path)), DeliveryHarness.Event(), "dlv_1", DateTimeOffset.UtcNow);
        return await DeliveryHarness.Sender(services).SendAsync(request, Timeout);
    }
}
