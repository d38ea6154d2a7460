using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Delivery;
using Switchboard.Functions.Deliveries;
using Switchboard.Functions.Scheduling;
using Switchboard.Functions.Sessions;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
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

        var first = Assert.Single(await process.RunAsync(DeliveryHarness.Event(tenant: harness.Tenant), scheduler));
        var completed = await harness.CompletionAsync(InstanceIds.For(DeliveryJob.First(DeliveryHarness.Event(tenant: harness.Tenant, id: first.EventId), first.TriggerId, first.AttemptedAt)), TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(DeliveryState.Delivered, completed.ReadOutputAs<DeliveryAttempted>()!.State);
        var received = receiver.Requests.ToArray();
        Assert.Equal(3, received.Length);
        Assert.Single(received.Select(r => r.Header("webhook-id")).Distinct());
        var history = await harness.Services.GetRequiredService<DeliveryLog>().GetHistoryAsync(harness.Tenant, first.DeliveryId);
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
        var waiting = await harness.Client.GetInstanceAsync(InstanceIds.For(job));
        var completed = await harness.CompletionAsync(InstanceIds.For(job), TimeSpan.FromSeconds(60));

        Assert.NotNull(waiting);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        var exported = completed.ReadOutputAs<SessionExported>()!;
        Assert.True(completed.LastUpdatedAt >= end.OccurredAt.AddSeconds(2), "the export waited for Export:Delay after the end");
        Assert.Equal(2, exported.EventCount);
        var metadata = JsonDocument.Parse(await harness.ReadArchiveAsync("ujet-metadata/call-103646.json")).RootElement;
        Assert.Equal(2, metadata.GetProperty("diagnostics").GetProperty("eventsSeen").GetInt32());
    }

    [Fact]
    public async Task Scheduling_the_same_instance_twice_is_harmless()
    {
        await using var receiver = await Receiver.StartAsync(Receiver.Answering(500, 200));
        await StoreTriggerAsync(receiver, new TriggerRetry { Policy = "linear", Attempts = 1 });
        var scheduler = harness.Function<DurableSchedulers>().For(harness.Client);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: harness.Tenant), "crm", DateTimeOffset.UtcNow);
        var attempted = await harness.Function<DeliverOrchestration>().Attempt(job, CancellationToken.None);
        var next = DeliverySchedule.Next(job, attempted)!;

        await scheduler.ScheduleDeliveryAsync(next.Job, next.DueAt, CancellationToken.None);
        await scheduler.ScheduleDeliveryAsync(next.Job, next.DueAt, CancellationToken.None);
        var completed = await harness.CompletionAsync(InstanceIds.For(next.Job), TimeSpan.FromSeconds(60));

        // Once it has completed, a schedule replaces the instance, which finds the attempt recorded and sends nothing.
        await scheduler.ScheduleDeliveryAsync(next.Job, next.DueAt, CancellationToken.None);
        var again = await harness.CompletionAsync(InstanceIds.For(next.Job), TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
        Assert.Equal(DeliveryState.Delivered, again.ReadOutputAs<DeliveryAttempted>()!.State);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Work_of_an_unknown_kind_fails_its_orchestration_instead_of_retrying_for_ever()
    {
        var scheduler = new DurableScheduler(harness.Client, TimeProvider.System, NullLogger<DurableScheduler>.Instance);
        var work = new PipelineWork("no-such-kind", AzuriteFixture.UniqueName("w"), JsonDocument.Parse("{}").RootElement);

        await scheduler.ScheduleWorkAsync(work, DateTimeOffset.UtcNow, CancellationToken.None);
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
