using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Sessions;
using Switchboard.Tests.Time;
using Switchboard.Triggers;

namespace Switchboard.Tests.Pipeline;

/// <summary>
/// The sequence the Functions app runs, step for step: ProcessEvent (the queue trigger) makes the first attempt and
/// schedules; the scheduled job is what the orchestration gets as input; <see cref="Orchestrations"/> is the
/// orchestrators' body, here on a fake clock whose timers fire at once; the activities are the same steps the
/// activity functions call. Services are registered by <see cref="SwitchboardServiceCollectionExtensions.AddSwitchboardCore"/>
/// against Azurite, receivers are Kestrel on loopback.
/// </summary>
public sealed class OrchestrationWalkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");
    private readonly string archive = AzuriteFixture.UniqueName("archive");
    private readonly FakeTimeProvider clock = new(EventTimeline.Start);
    private readonly RecordingScheduler scheduler = new();
    private ServiceProvider? services;

    private ServiceProvider Services => services ??= Build();

    private ProcessEvent Process => Services.GetRequiredService<ProcessEvent>();

    private AttemptDelivery Delivery => Services.GetRequiredService<AttemptDelivery>();

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(archive).DeleteIfExistsAsync();
            await services.DisposeAsync();
        }
    }

    [Fact]
    public async Task Linear_retries_wait_2_then_4_seconds_and_stop_when_delivered()
    {
        await using var receiver = await Receiver.StartAsync(Statuses(500, 500, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "linear", Attempts = 3 });
        var start = clock.GetUtcNow();

        var first = Assert.Single(await Process.RunAsync(Event()));
        var scheduled = Assert.Single(scheduler.Deliveries);
        var timer = new FakeOrchestrationTimer(clock);
        var last = await Orchestrations.DeliverAsync(scheduled, timer, job => Delivery.RunAsync(job));

        Assert.Equal(DeliveryState.Retrying, first.State);
        Assert.Equal(2, scheduled.Job.Attempt);
        Assert.Equal(start.AddSeconds(2), scheduled.DueAt);
        Assert.Equal([start.AddSeconds(2).UtcDateTime, start.AddSeconds(6).UtcDateTime], timer.Fired);
        Assert.Equal(DeliveryState.Delivered, last.State);
        Assert.Equal(3, last.Attempt);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Header("webhook-id")).Distinct());
        var history = await Services.GetRequiredService<DeliveryLog>().GetHistoryAsync(tenant, first.DeliveryId);
        Assert.Equal([start, start.AddSeconds(2), start.AddSeconds(6)], history!.Attempts.Select(a => a.AttemptedAt));
    }

    [Fact]
    public async Task Incremental_retries_wait_60_120_180_seconds_then_the_delivery_is_a_dead_letter()
    {
        await using var receiver = await Receiver.StartAsync(Statuses(503));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "incremental" });
        var start = clock.GetUtcNow();

        await Process.RunAsync(Event());
        var timer = new FakeOrchestrationTimer(clock);
        var last = await Orchestrations.DeliverAsync(Assert.Single(scheduler.Deliveries), timer, job => Delivery.RunAsync(job));

        Assert.Equal(
            [start.AddSeconds(60).UtcDateTime, start.AddSeconds(180).UtcDateTime, start.AddSeconds(360).UtcDateTime],
            timer.Fired);
        Assert.Equal(DeliveryState.Failed, last.State);
        Assert.Equal(4, last.Attempt);
        Assert.Equal(4, receiver.Requests.Count);
        var deadLetters = await Services.GetRequiredService<DeliveryLog>().ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Failed }, 100, null);
        Assert.Equal(last.DeliveryId, Assert.Single(deadLetters.Items).DeliveryId);
    }

    [Fact]
    public async Task Exponential_retries_wait_30_seconds_doubling()
    {
        await using var receiver = await Receiver.StartAsync(Statuses(400, 400, 400, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "exponential" });
        var start = clock.GetUtcNow();

        await Process.RunAsync(Event());
        var timer = new FakeOrchestrationTimer(clock);
        var last = await Orchestrations.DeliverAsync(Assert.Single(scheduler.Deliveries), timer, job => Delivery.RunAsync(job));

        Assert.Equal(
            [start.AddSeconds(30).UtcDateTime, start.AddSeconds(90).UtcDateTime, start.AddSeconds(210).UtcDateTime],
            timer.Fired);
        Assert.Equal(DeliveryState.Delivered, last.State);
        Assert.Equal(4, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_deliver_orchestration_started_again_for_a_finished_delivery_sends_nothing()
    {
        await using var receiver = await Receiver.StartAsync(Statuses(500, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "linear", Attempts = 1 });
        await Process.RunAsync(Event());
        var scheduled = Assert.Single(scheduler.Deliveries);
        await Orchestrations.DeliverAsync(scheduled, new FakeOrchestrationTimer(clock), job => Delivery.RunAsync(job));

        // A redelivered schedule replaces the completed instance: same input, its due time now past.
        var timer = new FakeOrchestrationTimer(clock);
        var again = await Orchestrations.DeliverAsync(scheduled, timer, job => Delivery.RunAsync(job));

        Assert.Empty(timer.Fired);
        Assert.Equal(DeliveryState.Delivered, again.State);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task The_export_waits_for_the_delay_after_the_end_and_a_late_event_exports_again_at_once()
    {
        var timeline = new EventTimeline(tenant);
        const string Call = """{"call_id":103646,"agent_id":1,"agent_email":"kim@example.com","queue_id":8469,"queue_path":"Developers / Kim"}""";
        var delay = Services.GetRequiredService<IOptions<ExportOptions>>().Value.Delay;

        await Process.RunAsync(timeline.Ccai(0, "New_Call", Call));
        clock.Advance(TimeSpan.FromSeconds(60));
        await Process.RunAsync(timeline.Ccai(60, "End_Call", Call));
        var export = Assert.Single(scheduler.Exports);
        var timer = new FakeOrchestrationTimer(clock);
        await Orchestrations.RunWhenDueAsync(export, timer, job => Process.RunExportAsync(job));
        var exported = await MetadataAsync();

        clock.Advance(TimeSpan.FromMinutes(5));
        await Process.RunAsync(timeline.Ccai(60 + delay.TotalSeconds + 300, "Party_Added", """{"call_id":103646,"agent_id":7,"agent_email":"sup@example.com","type":"agent"}"""));
        var late = scheduler.Exports.Last();
        var lateTimer = new FakeOrchestrationTimer(clock);
        await Orchestrations.RunWhenDueAsync(late, lateTimer, job => Process.RunExportAsync(job));
        var reexported = await MetadataAsync();

        Assert.Equal(EventTimeline.At(60) + delay, export.DueAt);
        Assert.Equal(new ExportJob { Tenant = tenant, Channel = "call", SessionId = "103646" }, export.Job);
        Assert.False(DurableSchedule.ExportsAgain(export.DueAt, EventTimeline.At(60)), "while the timer waits, the waiting instance covers a new event");
        Assert.Equal([export.DueAt.UtcDateTime], timer.Fired);
        Assert.Equal(2, exported.GetProperty("diagnostics").GetProperty("eventsSeen").GetInt32());
        Assert.Equal(2, scheduler.Exports.Count);
        Assert.Equal(export.DueAt, late.DueAt);
        Assert.True(DurableSchedule.ExportsAgain(late.DueAt, clock.GetUtcNow()), "past the due time the late event exports again");
        Assert.Empty(lateTimer.Fired);
        Assert.Equal(3, reexported.GetProperty("diagnostics").GetProperty("eventsSeen").GetInt32());
        Assert.Equal(clock.GetUtcNow(), reexported.GetProperty("diagnostics").GetProperty("generatedAt").GetDateTimeOffset());
    }

    private static Func<HttpContext, ReceivedRequest, Task> Statuses(params int[] statuses)
    {
        var next = -1;
        return async (context, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next), statuses.Length - 1);
            context.Response.StatusCode = statuses[index];
            await context.Response.WriteAsync($"answer {index + 1}");
        };
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Delivery:AllowPrivateNetworks"] = "true",
            ["Export:Container"] = archive,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<IPipelineScheduler>(scheduler);
        collection.AddSwitchboardCore();
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private async Task StoreTriggerAsync(Receiver receiver, TriggerRetry retry)
    {
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), tenant: tenant);
        await Services.GetRequiredService<TriggerStore>().CreateAsync(trigger with { Action = trigger.Action with { Retry = retry } });
    }

    private CanonicalEvent Event() => DeliveryHarness.Event(tenant: tenant);

    private async Task<JsonElement> MetadataAsync()
    {
        var blob = Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(archive).GetBlobClient("ujet-metadata/call-103646.json");
        return JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()).RootElement;
    }
}
