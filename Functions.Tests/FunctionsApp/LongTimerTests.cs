using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Delivery;
using Switchboard.Functions.Deliveries;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// Durable timers longer than a storage queue message can hide. The worker splits a timer into pieces of at most
/// its MaximumTimerInterval (3 days by default, against the Azure Storage queue's 7); the in-process test host's timers
/// run on the wall clock, so 9 real days cannot be waited out here. With the interval at one second, a due time a few
/// pieces away takes the path a due time 9 days away takes in production, in seconds.
/// </summary>
[Collection(FunctionsAppTests.Name)]
public sealed class LongTimerTests(DedicatedAzurite azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Piece = TimeSpan.FromSeconds(1);

    private FunctionsAppHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionsAppHarness.StartAsync(azurite, exportDelay: TimeSpan.FromSeconds(2), maximumTimerInterval: Piece);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_delivery_due_several_timer_pieces_away_waits_through_each_piece_and_runs_when_due()
    {
        var arrivals = new List<DateTimeOffset>();
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            lock (arrivals)
            {
                arrivals.Add(DateTimeOffset.UtcNow);
            }

            await context.Response.WriteAsync("ok");
        });
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), tenant: harness.Tenant);
        await harness.Services.GetRequiredService<TriggerStore>().CreateAsync(trigger);
        var scheduler = harness.Function<DurableSchedulers>().For(harness.Client);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: harness.Tenant), trigger.Id, DateTimeOffset.UtcNow);
        var dueAt = DateTimeOffset.UtcNow + (5 * Piece);

        await scheduler.ScheduleAsync(job.ToWork(), dueAt, CancellationToken.None);
        var completed = await harness.CompletionAsync(InstanceIds.For(job.ToWork()), TimeSpan.FromSeconds(60));

        // One episode to start, one after each piece of the timer fires, one after the attempt: unsplit, that is 3;
        // how many pieces there are depends on how late each one fires on a busy machine, but never fewer than 2.
        var episodes = harness.Episodes[WorkOrchestration.Name];
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal(DeliveryState.Delivered, (await harness.Services.GetRequiredService<DeliveryLog>().GetAsync(harness.Tenant, job.DeliveryId))!.State);
        Assert.True(episodes >= 5, $"the orchestration ran {episodes} times: the wait was not split into pieces of {Piece}");
        Assert.True(Assert.Single(arrivals) >= dueAt, "not sent before it was due");
    }
}
