using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Pipeline;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

/// <summary>The delivery step end to end: Kestrel receivers, the attempt log in Azurite, a fake clock for the schedule.</summary>
public sealed class AttemptDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");
    private readonly FakeTimeProvider clock = new();
    private readonly string triggerTable = AzuriteFixture.UniqueName("trg");
    private ServiceProvider? services;

    private ServiceProvider Services => services ??= DeliveryHarness.Services(time: clock, storage: azurite, triggerTable: triggerTable);

    private AttemptDelivery Delivery => Services.GetRequiredService<AttemptDelivery>();

    private DeliveryLog Log => Services.GetRequiredService<DeliveryLog>();

    private ReplayDelivery Replay => Services.GetRequiredService<ReplayDelivery>();

    private readonly RecordingScheduler scheduler = new();

    private async Task<Switchboard.Events.CanonicalEvent?> KeptEventAsync(string deliveryId) =>
        await Log.LoadWorkAsync(tenant, deliveryId) is { } work ? DeliveryJob.FromWork(work).Event : null;

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    private async Task<Trigger> StoreTriggerAsync(Receiver receiver, string policy = "linear", int? attempts = null, string id = "crm", int timeoutSeconds = 10)
    {
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), id: id, tenant: tenant);
        trigger = trigger with { Action = trigger.Action with { Retry = new TriggerRetry { Policy = policy, Attempts = attempts }, TimeoutSeconds = timeoutSeconds } };
        var store = Services.GetRequiredService<TriggerStore>();
        await azurite.ProvisionAsync(new StorageResources([triggerTable], [], []));
        return (await store.CreateAsync(trigger)).Trigger;
    }


    [Fact]
    public async Task A_delivered_attempt_is_logged_and_listed_by_trigger_event_and_state()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = await StoreTriggerAsync(receiver);
        var canonical = DeliveryHarness.Event(tenant: tenant);
        var job = DeliveryJob.First(canonical, trigger.Id, clock.GetUtcNow());

        var attempted = await Delivery.RunAsync(job, scheduler);
        var byTrigger = await Log.ListAsync(tenant, new DeliveryQuery { TriggerId = trigger.Id }, 100, null);
        var byEvent = await Log.ListAsync(tenant, new DeliveryQuery { EventId = canonical.Id }, 100, null);
        var delivered = await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Delivered }, 100, null);
        var failed = await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Failed }, 100, null);
        var otherTrigger = await Log.ListAsync(tenant, new DeliveryQuery { TriggerId = "other" }, 100, null);
        var history = await Log.GetHistoryAsync(tenant, job.DeliveryId);

        Assert.Equal(DeliveryState.Delivered, attempted.State);
        Assert.Equal(200, attempted.StatusCode);
        Assert.Equal(DeliveryIds.For(canonical.Id, trigger.Id), attempted.DeliveryId);
        Assert.Equal(job.DeliveryId, Assert.Single(receiver.Requests).Header("webhook-id"));
        Assert.Equal(job.DeliveryId, Assert.Single(byTrigger.Items).DeliveryId);
        Assert.Equal(job.DeliveryId, Assert.Single(byEvent.Items).DeliveryId);
        Assert.Equal(job.DeliveryId, Assert.Single(delivered.Items).DeliveryId);
        Assert.Empty(failed.Items);
        Assert.Empty(otherTrigger.Items);
        var row = Assert.Single(history!.Attempts);
        Assert.Equal(1, row.Attempt);
        Assert.Equal(200, row.StatusCode);
        Assert.Equal("ok", row.ResponseExcerpt);
        Assert.Equal(receiver.Url("hook"), row.Url);
        Assert.Equal("POST", row.Method);
        Assert.Equal(canonical.Id, row.EventId);
        Assert.Equal(trigger.Id, row.TriggerId);
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal("CloudSessionCdr", history.Delivery.EventType);
    }

    [Fact]
    public async Task Running_an_attempt_again_after_delivery_sends_nothing()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = await StoreTriggerAsync(receiver);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow());

        var first = await Delivery.RunAsync(job, scheduler);
        var again = await Delivery.RunAsync(job, scheduler);
        var later = await Delivery.RunAsync(job.At(2), scheduler);

        Assert.Single(receiver.Requests);
        Assert.Equal(DeliveryState.Delivered, first.State);
        Assert.Equal(DeliveryState.Delivered, again.State);
        Assert.Equal(DeliveryState.Delivered, later.State);
        Assert.Single((await Log.GetHistoryAsync(tenant, job.DeliveryId))!.Attempts);
    }

    [Fact]
    public async Task Linear_retries_come_2_and_4_seconds_after_the_failures_with_the_same_webhook_id()
    {
        await using var receiver = await Receiver.StartAsync(Receiver.Answering(500, 500, 200));
        var trigger = await StoreTriggerAsync(receiver, "linear", attempts: 3);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow());
        var decisions = new List<DeliveryAttempted>();

        for (var current = job; ; current = current.At(current.Attempt + 1))
        {
            var attempted = await Delivery.RunAsync(current, scheduler);
            decisions.Add(attempted);
            if (attempted.State != DeliveryState.Retrying)
            {
                break;
            }

            Assert.Empty((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Delivered }, 100, null)).Items);
            Assert.Single((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Retrying }, 100, null)).Items);
            clock.Advance(attempted.NextRetryAt!.Value - clock.GetUtcNow());
        }

        var start = job.FirstAttemptAt;
        Assert.Equal([DeliveryState.Retrying, DeliveryState.Retrying, DeliveryState.Delivered], decisions.Select(d => d.State));
        Assert.Equal(start + TimeSpan.FromSeconds(2), decisions[0].NextRetryAt);
        Assert.Equal(start + TimeSpan.FromSeconds(6), decisions[1].NextRetryAt);
        Assert.Equal([start, start.AddSeconds(2), start.AddSeconds(6)], decisions.Select(d => d.AttemptedAt));
        Assert.Single(receiver.Requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.Equal(3, receiver.Requests.Select(r => r.Header("webhook-timestamp")).Distinct().Count());

        var history = (await Log.GetHistoryAsync(tenant, job.DeliveryId))!;
        Assert.Equal([500, 500, 200], history.Attempts.Select(a => a.StatusCode!.Value));
        Assert.Equal(["answer 1", "answer 2", "answer 3"], history.Attempts.Select(a => a.ResponseExcerpt));
        Assert.Equal(start + TimeSpan.FromSeconds(2), history.Attempts[0].NextRetryAt);
        Assert.Equal(3, history.Delivery.Attempts);
        Assert.Equal(DeliveryState.Delivered, history.Delivery.State);
        Assert.Empty((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Retrying }, 100, null)).Items);
        Assert.Single((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Delivered, TriggerId = trigger.Id }, 100, null)).Items);
    }

    [Fact]
    public async Task An_exhausted_delivery_is_a_dead_letter_and_a_replay_is_a_new_delivery_of_the_same_event()
    {
        var failing = true;
        await using var receiver = await Receiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = failing ? 503 : 200;
            return Task.CompletedTask;
        });
        var trigger = await StoreTriggerAsync(receiver, "linear", attempts: 1);
        var canonical = DeliveryHarness.Event(tenant: tenant);
        var job = DeliveryJob.First(canonical, trigger.Id, clock.GetUtcNow());

        var first = await Delivery.RunAsync(job, scheduler);
        clock.Advance(TimeSpan.FromSeconds(2));
        var last = await Delivery.RunAsync(job.At(2), scheduler);
        var deadLetters = await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Failed }, 100, null);
        var payload = await KeptEventAsync(job.DeliveryId);

        Assert.Equal(DeliveryState.Retrying, first.State);
        Assert.Equal(DeliveryState.Failed, last.State);
        Assert.Equal(job.DeliveryId, Assert.Single(deadLetters.Items).DeliveryId);
        Assert.Empty((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Retrying }, 100, null)).Items);
        Assert.Equal(canonical.Id, payload!.Id);
        Assert.True(JsonElement.DeepEquals(canonical.Data, payload.Data));

        failing = false;
        var replayed = await Replay.RunAsync(tenant, job.DeliveryId, scheduler);
        var original = await Log.GetAsync(tenant, job.DeliveryId);
        var replay = await Log.GetAsync(tenant, replayed.ReplayId!);
        var bodies = receiver.Requests.Select(r => r.Json).ToList();

        Assert.Equal(ReplayStatus.Replayed, replayed.Status);
        Assert.NotEqual(job.DeliveryId, replayed.ReplayId);
        Assert.Equal(DeliveryState.Delivered, replayed.FirstAttempt!.State);
        Assert.Equal(1, replayed.FirstAttempt.Attempt);
        Assert.Equal(replayed.ReplayId, original!.ReplayedAs);
        Assert.Equal(job.DeliveryId, replay!.ReplayOf);
        Assert.Equal(replayed.ReplayId, receiver.Requests.Last().Header("webhook-id"));
        Assert.Equal(bodies[0].GetProperty("id").GetString(), bodies[^1].GetProperty("id").GetString());
        Assert.Equal(bodies[0].GetProperty("data").GetRawText(), bodies[^1].GetProperty("data").GetRawText());
        Assert.Equal(2, (await Log.ListAsync(tenant, new DeliveryQuery { EventId = canonical.Id }, 100, null)).Items.Count);
        Assert.Equal(job.DeliveryId, Assert.Single((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Failed }, 100, null)).Items).DeliveryId);

        Assert.Equal(ReplayStatus.AlreadyReplayed, (await Replay.RunAsync(tenant, job.DeliveryId, scheduler)).Status);
        Assert.Equal(ReplayStatus.NotDeadLetter, (await Replay.RunAsync(tenant, replayed.ReplayId!, scheduler)).Status);
        Assert.Equal(ReplayStatus.NotFound, (await Replay.RunAsync(tenant, "dlv_nope", scheduler)).Status);
    }

    [Fact]
    public async Task Incremental_captures_a_4xx_and_never_retries_it()
    {
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 422;
            await context.Response.WriteAsync("""{"error":"agent unknown"}""");
        });
        var trigger = await StoreTriggerAsync(receiver, "incremental");
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow());

        var attempted = await Delivery.RunAsync(job, scheduler);
        var history = (await Log.GetHistoryAsync(tenant, job.DeliveryId))!;

        Assert.Equal(DeliveryState.Failed, attempted.State);
        Assert.Equal(422, history.Delivery.LastStatusCode);
        Assert.Equal("""{"error":"agent unknown"}""", Assert.Single(history.Attempts).ResponseExcerpt);
    }

    [Fact]
    public async Task A_timeout_and_a_refused_connection_are_recorded_as_errors_and_retried()
    {
        await using var slow = await Receiver.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var trigger = await StoreTriggerAsync(slow, "incremental", timeoutSeconds: 1);
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow());

        // The attempt's timeout runs on the fake clock: once the request is in, one second passes.
        var attempt = Delivery.RunAsync(job, scheduler);
        await Eventually.TrueAsync(() => Task.FromResult(!slow.Requests.IsEmpty), TimeSpan.FromSeconds(30), "the request reaches the receiver");
        clock.Advance(TimeSpan.FromSeconds(1));
        var timedOut = await attempt;

        Assert.Equal(AttemptError.Timeout, timedOut.Error);
        Assert.Equal(DeliveryState.Retrying, timedOut.State);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(60), timedOut.NextRetryAt);

        var refused = DeliveryHarness.Trigger($"http://127.0.0.1:{DeliveryHarness.ClosedPort()}/hook", id: "refused", tenant: tenant);
        var refusedJob = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), refused.Id, clock.GetUtcNow());
        var connection = await Delivery.RunAsync(refusedJob, refused, scheduler);
        var row = Assert.Single((await Log.GetHistoryAsync(tenant, refusedJob.DeliveryId))!.Attempts);

        Assert.Equal(AttemptError.Connection, connection.Error);
        Assert.Equal(AttemptError.Connection, row.Error);
        Assert.Null(row.StatusCode);
        Assert.NotNull(row.ErrorMessage);
    }

    [Fact]
    public async Task A_deleted_trigger_fails_the_delivery_without_sending()
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), "gone", clock.GetUtcNow());

        var attempted = await Delivery.RunAsync(job, scheduler);

        Assert.Equal(DeliveryState.Failed, attempted.State);
        Assert.Equal(AttemptError.Trigger, attempted.Error);
        Assert.Single((await Log.ListAsync(tenant, new DeliveryQuery { State = DeliveryState.Failed }, 100, null)).Items);
    }

    [Fact]
    public async Task A_large_dead_letter_keeps_its_event_in_a_blob()
    {
        await using var receiver = await Receiver.StartAsync(Receiver.Answering(400));
        var trigger = await StoreTriggerAsync(receiver, "none");
        var big = JsonSerializer.Serialize(new { transcript = new string('x', 200_000), cdr = new { dir = 2 } });
        var canonical = DeliveryHarness.Event(big, tenant: tenant);
        var job = DeliveryJob.First(canonical, trigger.Id, clock.GetUtcNow());

        var attempted = await Delivery.RunAsync(job, scheduler);
        var payload = await KeptEventAsync(job.DeliveryId);

        Assert.Equal(DeliveryState.Failed, attempted.State);
        Assert.True(JsonElement.DeepEquals(canonical.Data, payload!.Data));
    }

    [Fact]
    public async Task Listing_pages_with_a_continuation()
    {
        await using var receiver = await Receiver.StartAsync();
        var trigger = await StoreTriggerAsync(receiver);
        for (var i = 0; i < 3; i++)
        {
            await Delivery.RunAsync(DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow()), scheduler);
        }

        var first = await Log.ListAsync(tenant, new DeliveryQuery { TriggerId = trigger.Id }, 2, null);
        var second = await Log.ListAsync(tenant, new DeliveryQuery { TriggerId = trigger.Id }, 2, first.Continuation);

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Continuation);
        Assert.Single(second.Items);
        Assert.Empty(first.Items.Select(d => d.DeliveryId).Intersect(second.Items.Select(d => d.DeliveryId)));
    }

    [Fact]
    public void Delivery_ids_are_deterministic_per_event_and_trigger()
    {
        Assert.Equal(DeliveryIds.For("evt_1", "crm"), DeliveryIds.For("evt_1", "crm"));
        Assert.NotEqual(DeliveryIds.For("evt_1", "crm"), DeliveryIds.For("evt_1", "erp"));
        Assert.NotEqual(DeliveryIds.For("evt_1", "crm"), DeliveryIds.For("evt_2", "crm"));
        Assert.Matches("^dlv_[0-9a-f]{32}$", DeliveryIds.For("evt_1", "crm"));
    }

    [Fact]
    public void Delivery_ids_of_switchboard_events_sort_by_event_time()
    {
        var earlier = Switchboard.Events.EventIds.New(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        var later = Switchboard.Events.EventIds.New(new DateTimeOffset(2026, 11, 21, 9, 0, 1, TimeSpan.Zero));

        Assert.Matches("^dlv_[0-9a-f]{32}$", DeliveryIds.For(earlier, "crm"));
        Assert.True(string.CompareOrdinal(DeliveryIds.For(later, "a"), DeliveryIds.For(earlier, "z")) > 0);
        Assert.NotEqual(DeliveryIds.For(earlier, "crm"), DeliveryIds.For(earlier, "erp"));
    }
}
