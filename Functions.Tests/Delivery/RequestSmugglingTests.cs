using System.Text.Json;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

/// <summary>
/// Event data that tries to end a header and start a second request on the same connection, sent to a real Kestrel
/// receiver through every template form that can put it in a header or the URL.
/// </summary>
public sealed class RequestSmugglingTests
{
    private const string Smuggling = "v\r\nContent-Length: 0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private static Trigger Trigger(string url, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null) => new()
    {
        Id = "h",
        Name = "h",
        Source = "videsk",
        Events = ["*"],
        Action = new TriggerAction
        {
            Url = url,
            Headers = headers ?? new Dictionary<string, string>(),
            Query = query ?? new Dictionary<string, string>(),
        },
    };

    /// <summary>Sends one delivery and stops the receiver, which waits for whatever Kestrel still parses from the connection.</summary>
    private static async Task<IReadOnlyList<ReceivedRequest>> DeliverAsync(Receiver receiver, Trigger trigger, string data)
    {
        await using (var services = DeliveryHarness.Services())
        {
            var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(data), "dlv_smuggle", DateTimeOffset.UtcNow);
            var outcome = await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(10));
            Assert.Equal(200, outcome.StatusCode);
        }

        await receiver.DisposeAsync();
        return [.. receiver.Requests];
    }

    [Fact]
    public async Task The_reported_triple_brace_header_reaches_the_receiver_as_one_request_with_one_header()
    {
        var receiver = await Receiver.StartAsync();
        var trigger = Trigger(receiver.Url("h"), headers: new Dictionary<string, string> { ["X-B"] = "{{{data.values.s}}}" });

        var requests = await DeliverAsync(receiver, trigger, JsonSerializer.Serialize(new { values = new { s = Smuggling } }));

        var received = Assert.Single(requests);
        Assert.Equal(("POST", "/h"), (received.Method, received.Path));
        Assert.Equal("v Content-Length: 0 GET /smuggled HTTP/1.1 Host: 127.0.0.1", received.Header("X-B"));
        Assert.Equal(received.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Header("Content-Length"));
        Assert.Equal("h", received.Json.GetProperty("triggerId").GetString());
    }

    [Theory]
    [InlineData("{{data.values.s}}")]
    [InlineData("{{{data.values.s}}}")]
    [InlineData("pre {{#if data.values.s}}{{{data.values.s}}}{{/if}} post")]
    [InlineData("{{#each data.values}}{{{this}}}{{/each}}")]
    [InlineData("{{#with data.values}}{{{s}}}{{/with}}")]
    [InlineData("{{json data.values.s}}")]
    [InlineData("literal\r\nX-Literal: 1")]
    public async Task No_template_form_puts_a_line_break_in_a_header(string template)
    {
        var receiver = await Receiver.StartAsync();
        var trigger = Trigger(receiver.Url("h"), headers: new Dictionary<string, string> { ["X-B"] = template, ["Authorization"] = "Bearer t0k3n" });

        var requests = await DeliverAsync(receiver, trigger, JsonSerializer.Serialize(new { values = new { s = Smuggling + "X-Evil: 1\u0085X-Nel: 1\u2028X-Ls: 1\0" } }));

        var received = Assert.Single(requests);
        Assert.Equal("/h", received.Path);
        Assert.DoesNotContain(received.Header("X-B")!, WireText.IsUnsafe);
        Assert.Equal("Bearer t0k3n", received.Header("Authorization"));
        Assert.All(["X-Evil", "X-Nel", "X-Ls", "X-Literal"], name => Assert.Null(received.Header(name)));
    }

    [Theory]
    [InlineData("h/{{{data.values.s}}}")]
    [InlineData("h/{{data.values.s}}")]
    [InlineData("h?q={{{data.values.s}}}")]
    public async Task No_template_form_puts_a_line_break_in_the_url(string path)
    {
        var receiver = await Receiver.StartAsync();
        var trigger = Trigger(receiver.Url(path), query: new Dictionary<string, string> { ["p"] = "{{{data.values.s}}}" });

        var requests = await DeliverAsync(receiver, trigger, JsonSerializer.Serialize(new { values = new { s = Smuggling } }));

        var received = Assert.Single(requests);
        Assert.StartsWith("/h", received.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(received.RawTarget, WireText.IsUnsafe);
        Assert.Contains("%0D%0A", received.RawTarget, StringComparison.Ordinal);
        Assert.Equal(Smuggling, received.Query["p"]);
    }
}
