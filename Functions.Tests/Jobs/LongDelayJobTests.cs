using System.Globalization;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Events;
using Switchboard.Triggers;

namespace Switchboard.Tests.Jobs;

/// <summary>
/// Jobs of the portable host due further out than a queue message can hide (7 days): the host's clock jumps ahead, the
/// test ends each of the queue's waits when the clock has reached it, and the receiver shows whether and when the work ran.
/// </summary>
public sealed class LongDelayJobTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan QueueLimit = TimeSpan.FromDays(7);

    private static readonly string[] AllEvents = ["*"];

    private static readonly int[] ServiceUnavailable = [StatusCodes.Status503ServiceUnavailable];

    [Fact]
    public async Task A_job_due_in_9_days_is_put_back_when_the_queue_first_shows_it_and_runs_when_due()
    {
        var clock = new ShiftedClock();
        var puts = new QueuedJobs();
        var jobs = azurite.Queues.GetQueueClient(QueueNames.Jobs);
        await using var receiver = await Receiver.StartAsync();
        await using var host = Host(clock, puts);
        var tenant = AzuriteFixture.UniqueName("jobs");
        var trigger = DeliveryHarness.Trigger(receiver.Url("later"), tenant: tenant);
        await host.Services.GetRequiredService<TriggerStore>().CreateAsync(trigger);
        var dueAt = clock.GetUtcNow() + TimeSpan.FromDays(9);

        await ScheduleDeliveryAsync(host, DeliveryJob.First(DeliveryHarness.Event(tenant: tenant), trigger.Id, clock.GetUtcNow()), dueAt);
        await Eventually.TrueAsync(() => puts.Puts.Count == 1, Patience, "the job is queued");
        var first = puts.Puts[0];
        var visibleAtFirst = (await jobs.PeekMessagesAsync(32)).Value.Length;

        clock.Offset += first.Hidden;
        await QueuedJobs.ShowAsync(jobs, first);
        await Eventually.TrueAsync(() => puts.Puts.Count == 2, Patience, "the job, received two days early, is queued again");
        var second = puts.Puts[1];
        var requestsWhenEarly = receiver.Requests.Count;

        clock.Offset += second.Hidden;
        await QueuedJobs.ShowAsync(jobs, second);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, Patience, "the job runs");

        Assert.Equal(0, visibleAtFirst);
        Assert.InRange(first.Hidden, QueueLimit - TimeSpan.FromHours(1), QueueLimit);
        Assert.Equal(first.Hidden, first.VisibleAt - first.InsertedAt);
        Assert.Equal(0, requestsWhenEarly);
        Assert.InRange(second.Hidden, TimeSpan.FromDays(9) - first.Hidden - TimeSpan.FromSeconds(10), TimeSpan.FromDays(9) - first.Hidden);
        Assert.True(Timestamp(Assert.Single(receiver.Requests)) >= dueAt.ToUnixTimeSeconds() - 1, "not sent before it was due");
    }

    [Fact]
    public async Task A_retry_the_receiver_asks_to_put_off_for_9_days_runs_when_the_7_day_window_ends_after_two_queue_waits()
    {
        var clock = new ShiftedClock();
        var puts = new QueuedJobs();
        var jobs = azurite.Queues.GetQueueClient(QueueNames.Jobs);
        var answered = 0;
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            // Busy, and asking for 9 days: more than the exponential policy's window of 7 days from the first attempt.
            if (Interlocked.Increment(ref answered) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = TimeSpan.FromDays(9).TotalSeconds.ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync("answer " + answered);
        });
        await using var host = Host(clock, puts);
        var tenant = AzuriteFixture.UniqueName("jobs");
        await host.CreateTriggerAsync(new
        {
            tenant,
            name = "busy receiver",
            source = "ucontact",
            events = AllEvents,
            action = new { url = receiver.Url("busy"), retry = new { policy = "exponential", retryOn = ServiceUnavailable } },
        });

        using var accepted = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin, query: $"?tenant={tenant}");
        await Eventually.TrueAsync(() => puts.Puts.Count == 1, Patience, "the retry is queued");
        var first = puts.Puts[0];

        clock.Offset += first.Hidden;
        await QueuedJobs.ShowAsync(jobs, first);
        await Eventually.TrueAsync(() => puts.Puts.Count == 2, Patience, "the retry, received early, is queued again");
        var second = puts.Puts[1];
        var requestsWhenEarly = receiver.Requests.Count;

        clock.Offset += second.Hidden;
        await QueuedJobs.ShowAsync(jobs, second);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, Patience, "the retry reaches the receiver");

        var attempts = receiver.Requests.ToArray();
        Assert.InRange(first.Hidden, QueueLimit - TimeSpan.FromHours(1), QueueLimit);
        Assert.Equal(1, requestsWhenEarly);
        Assert.InRange(second.Hidden, TimeSpan.FromSeconds(1), QueueLimit - first.Hidden);
        Assert.Equal(attempts[0].Header("webhook-id"), attempts[1].Header("webhook-id"));
        var apart = TimeSpan.FromSeconds(Timestamp(attempts[1]) - Timestamp(attempts[0]));
        Assert.InRange(apart, QueueLimit - TimeSpan.FromSeconds(2), QueueLimit + TimeSpan.FromMinutes(1));
    }

    /// <summary>The portable host on <paramref name="clock"/>, its queue puts noted by <paramref name="puts"/>.</summary>
    private PipelineHost Host(ShiftedClock clock, QueuedJobs puts) => new(azurite.ConnectionString, services: services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(sp =>
        {
            var options = StorageConnection.QueueOptions();
            options.AddPolicy(puts, HttpPipelinePosition.PerCall);
            return sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient(options);
        });
    });

    // The one place these tests name the scheduler's API; everything else they see through queues and the receiver.
    private static Task ScheduleDeliveryAsync(PipelineHost host, DeliveryJob job, DateTimeOffset dueAt) =>
        host.Services.GetRequiredService<IPipelineScheduler>().ScheduleAsync(job.ToWork(), dueAt, CancellationToken.None);

    private static long Timestamp(ReceivedRequest request) => long.Parse(request.Header("webhook-timestamp")!, CultureInfo.InvariantCulture);
}
