using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Functions.Events;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Host;
using Switchboard.Triggers;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// The HTTP and queue functions invoked in process as the worker invokes them: a real <c>HttpRequest</c> into
/// <see cref="Ingest"/>, the very message it queued into <see cref="ProcessQueuedEvent"/>, with the durable client of the
/// in-process test host for what they schedule.
/// </summary>
[Collection(FunctionsAppTests.Name)]
public sealed class InProcessFunctionTests(DedicatedAzurite azurite, AzuriteFixture shared) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string Ccai = """{"type":"Agent_Login","data":{"agent_id":1,"agent_email":"kim@example.com"}}""";

    private FunctionsAppHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionsAppHarness.StartAsync(azurite, exportDelay: TimeSpan.FromSeconds(2));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Ingest_answers_202_and_queues_the_event_that_ProcessEvent_then_delivers()
    {
        await using var receiver = await Receiver.StartAsync();
        await harness.Services.GetRequiredService<TriggerStore>().CreateAsync(
            DeliveryHarness.Trigger(receiver.Url("hook"), tenant: harness.Tenant) with { Source = "ccai", Events = ["Agent_Login"] });
        var request = harness.Request("POST", "/api/events/ccai", Ccai, query: $"tenant={harness.Tenant}&code={FunctionsAppHarness.IngestKey}");

        var (status, _, body) = await FunctionsAppHarness.ExecuteAsync(
            await harness.Function<Ingest>().Run(request, "ccai", CancellationToken.None), request);
        var accepted = JsonDocument.Parse(body).RootElement;
        var message = await harness.ReceiveEventAsync();
        await harness.Function<ProcessQueuedEvent>().Run(message.Text, message.DequeueCount, harness.Client, CancellationToken.None);

        Assert.Equal(202, status);
        Assert.Equal("Agent_Login", accepted.GetProperty("type").GetString());
        Assert.Equal(1, message.DequeueCount);
        var delivered = Assert.Single(receiver.Requests);
        Assert.Equal(accepted.GetProperty("id").GetString(), JsonDocument.Parse(delivered.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_throws_so_the_host_retries_it_into_the_poison_queue()
    {
        await Assert.ThrowsAsync<PoisonMessageException>(() =>
            harness.Function<ProcessQueuedEvent>().Run("not json", 1, harness.Client, CancellationToken.None));
    }

    [Theory]
    [InlineData("ccai", "{\"type\":", "application/json", null)]
    [InlineData("ccai", Ccai, "application/xml", null)]
    [InlineData("nowhere", Ccai, "application/json", null)]
    [InlineData("ccai", Ccai, "application/json", "wrong-key")]
    [InlineData("ccai", "{\"data\":{}}", "application/json", null)]
    public async Task Bad_input_gets_the_problem_json_the_portable_host_gives(string source, string body, string contentType, string? key)
    {
        var query = $"code={key ?? FunctionsAppHarness.IngestKey}";
        var request = harness.Request("POST", $"/api/events/{source}", body, contentType, query);
        var (status, type, text) = await FunctionsAppHarness.ExecuteAsync(
            await harness.Function<Ingest>().Run(request, source, CancellationToken.None), request);
        await using var host = new AdminClient(shared, new Dictionary<string, string?> { ["Ingest:Keys:0"] = FunctionsAppHarness.IngestKey });
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var answer = await host.Http.PostAsync(new Uri($"/api/events/{source}?{query}", UriKind.Relative), content);
        var expected = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        var actual = JsonDocument.Parse(text).RootElement;

        Assert.InRange(status, 400, 499);
        Assert.Equal((int)answer.StatusCode, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(answer.Content.Headers.ContentType!.MediaType, type);
        foreach (var field in new[] { "status", "title", "detail", "field", "problem", "errors" })
        {
            Assert.Equal(Text(expected, field), Text(actual, field));
        }

        Assert.Null(await harness.PeekEventAsync());
    }

    private static string? Text(JsonElement problem, string field) =>
        problem.TryGetProperty(field, out var value) ? value.GetRawText() : null;
}
