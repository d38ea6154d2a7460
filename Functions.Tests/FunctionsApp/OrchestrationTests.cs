using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Delivery;
using Switchboard.Functions.Scheduling;
using Switchboard.Functions.Sessions;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Pipeline;
using Switchboard.Tests.Sessions;
using Switchboard.Triggers;
using Xunit.Abstractions;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// The Deliver, ExportSession and Work orchestrations under the Durable Task in-process test host: the app's own
/// orchestrator functions, durable timers that really wait, activities that run the library against Azurite and a
/// Kestrel receiver on loopback.
/// </summary>
[Collection(FunctionsAppTests.Name)]
public sealed class OrchestrationTests(DedicatedAzurite azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private FunctionsAppHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionsAppHarness.StartAsync(azurite, exportDelay: TimeSpan.FromSeconds(2));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_500_500_200_receiver_gets_three_attempts_spaced_as_the_linear_policy_says()
    {
        await using var receiver = await Receiver.StartAsync(Receiver.Answering(500, 500, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "linear", Attempts = 2 });
        var process = harness.Services.GetRequiredService<ProcessEvent>();
        var scheduler = harness.Function<DurableSchedulers>().For(harness.Client);
        var log = harness.Services.GetRequiredService<DeliveryLog>();

        var first = Assert.Single(await process.RunAsync(DeliveryHarness.Event(tenant: harness.Tenant), scheduler));

        // Each retry is a Work orchestration whose durable timer waits for the policy's time; the last one delivers.
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: harness.Tenant, id: first.EventId), first.TriggerId!, first.AttemptedAt);
        var last = await harness.CompletionAsync(InstanceIds.For(job.At(2).ToWork()), TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => (await log.GetAsync(harness.Tenant, first.DeliveryId))?.State == DeliveryState.Delivered, TimeSpan.FromSeconds(60), "the third attempt delivers");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, last.RuntimeStatus);
        var received = receiver.Requests.ToArray();
        Assert.Equal(3, received.Length);
        Assert.Single(received.Select(r => r.Header("webhook-id")).Distinct());
        var history = await log.GetHistoryAsync(harness.Tenant, first.DeliveryId);
        var times = history!.Attempts.Select(a => a.AttemptedAt).ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        output.WriteLine($"attempts at +0 s, then gaps of {string.Join(" s and ", gaps.Select(g => g.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s (linear policy: 2 s, then 4 s)");
        Assert.Equal(3, times.Length);
        Assert.InRange(gaps[0], 2, 2 + 10);
        Assert.InRange(gaps[1], 4, 4 + 10);
    }

    [Fact]
    public async Task An_export_runs_after_its_due_time_and_writes_the_ujet_layout()
    {
        var timeline = new EventTimeline(harness.Tenant, DateTimeOffset.UtcNow);
        var process = harness.Services.GetRequiredService<ProcessEvent>();
        var scheduler = harness.Function<DurableSchedulers>().For(harness.Client);
        const string Call = """{"call_id":103646,"agent_id":1,"agent_email":"kim@example.com","queue_id":8469,"queue_path":"Developers / Kim"}""";
        var job = new ExportJob { Tenant = harness.Tenant, Channel = "call", SessionId = "103646" };

        await process.RunAsync(timeline.Ccai(0, "New_Call", Call), scheduler);
        var end = timeline.Ccai(1, "End_Call", Call);
        await process.RunAsync(end, scheduler);
        var waiting = await harness.Client.GetInstanceAsync(InstanceIds.For(job.ToWork()));
        var completed = await harness.CompletionAsync(InstanceIds.For(job.ToWork()), TimeSpan.FromSeconds(60));

        Assert.NotNull(waiting);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.True(completed.LastUpdatedAt >= end.OccurredAt.AddSeconds(2), "the export waited for Export:Delay after the end");
        var metadata = JsonDocument.Parse(await harness.ReadArchiveAsync("ujet-metadata/call-103646.json")).RootElement;
        Assert.Equal(2, metadata.GetProperty("diagnostics").GetProperty("eventsSeen").GetInt32());
    }

    [Fact]
    public async Task Scheduling_the_same_work_twice_is_harmless()
    {
        await using var receiver = await Receiver.StartAsync(Receiver.Answering(500, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "linear", Attempts = 1 });
        var scheduler = harness.Function<DurableSchedulers>().For(harness.Client);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: harness.Tenant), "crm", DateTimeOffset.UtcNow);

        // The first attempt leaves its retry with a recording scheduler; the test schedules that retry twice.
        var attempted = await harness.Services.GetRequiredService<AttemptDelivery>().RunAsync(job, new RecordingScheduler());
        var next = job.At(2).ToWork();
        var due = attempted.NextRetryAt!.Value;
        await scheduler.ScheduleAsync(next, due, CancellationToken.None);
        await scheduler.ScheduleAsync(next, due, CancellationToken.None);
        var log = harness.Services.GetRequiredService<DeliveryLog>();
        await Eventually.TrueAsync(async () => (await log.GetAsync(harness.Tenant, job.DeliveryId))?.State == DeliveryState.Delivered, TimeSpan.FromSeconds(60), "the retry delivers");

        // Once it has completed, a schedule replaces the instance, which finds the attempt recorded and sends nothing.
        await Eventually.TrueAsync(async () => (await harness.Client.GetInstanceAsync(InstanceIds.For(next)))?.IsCompleted == true, TimeSpan.FromSeconds(60), "the retry's instance completes");
        await scheduler.ScheduleAsync(next, due, CancellationToken.None);
        var again = await harness.CompletionAsync(InstanceIds.For(next), TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
        Assert.Equal(2, (await log.GetHistoryAsync(harness.Tenant, job.DeliveryId))!.Attempts.Count);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Work_of_an_unknown_kind_fails_its_orchestration_instead_of_retrying_for_ever()
    {
        var scheduler = new DurableScheduler(harness.Client, TimeProvider.System, NullLogger<DurableScheduler>.Instance);
        var work = new PipelineWork("no-such-kind", AzuriteFixture.UniqueName("w"), JsonDocument.Parse("{}").RootElement);

        await scheduler.ScheduleAsync(work, DateTimeOffset.UtcNow, CancellationToken.None);
        var completed = await harness.CompletionAsync(InstanceIds.For(work), TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, completed.RuntimeStatus);
        Assert.Contains("no-such-kind", completed.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task StoreTriggerAsync(Receiver receiver, TriggerRetry retry)
    {
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), tenant: harness.Tenant);
        await harness.Services.GetRequiredService<TriggerStore>().CreateAsync(trigger with { Action = trigger.Action with { Retry = retry } });
    }
}
