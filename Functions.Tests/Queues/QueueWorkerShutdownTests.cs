using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;

namespace Switchboard.Tests.Queues;

/// <summary>What stopping the worker does with the messages it holds and the ones it has not received.</summary>
public sealed class QueueWorkerShutdownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Stopping_lets_in_flight_messages_finish_and_deletes_them_and_receives_nothing_more()
    {
        var queue = new WorkerHarness(azurite);
        var release = new TaskCompletionSource();
        var handler = new ScriptedHandler(queue.Name, (_, ct) => release.Task.WaitAsync(ct));
        await queue.SendAsync("""{"n":1}""", """{"n":2}""");

        // The clock stands still: the drain timeout never runs out, so only finished work ends the stop.
        var clock = new TimerLog();
        using var worker = queue.Worker(handler, WorkerHarness.Quick(), clock);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => handler.Calls.Count == 2, Patience, "both messages are in flight");
        var stopping = worker.StopAsync(CancellationToken.None);
        await queue.SendAsync("""{"n":3}""");
        await Task.Delay(300);
        var stoppedEarly = stopping.IsCompleted;
        release.SetResult();
        await stopping.WaitAsync(Patience);

        var left = Assert.Single((await queue.Queue.PeekMessagesAsync(32)).Value);
        Assert.False(stoppedEarly, "the stop waited for the messages in flight");
        Assert.Equal(2, handler.Calls.Count);
        Assert.Equal("""{"n":3}""", left.Body.ToString());
        Assert.Equal(0, left.DequeueCount);
        Assert.Equal(1, await queue.CountAsync());
    }

    [Fact]
    public async Task Messages_still_in_flight_when_the_drain_time_runs_out_are_cancelled_and_visible_again_at_once()
    {
        var queue = new WorkerHarness(azurite);
        var cancelled = new TaskCompletionSource();
        var handler = new ScriptedHandler(queue.Name, async (_, ct) =>
        {
            using var noted = ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
        });
        await queue.SendAsync("""{"n":1}""");

        // A lease far longer than the drain, so only the release can make the message visible within the test.
        var options = WorkerHarness.Quick();
        options.VisibilityTimeout = TimeSpan.FromMinutes(10);
        options.DrainTimeout = TimeSpan.FromSeconds(7);
        var clock = new TimerLog();
        using var worker = queue.Worker(handler, options, clock);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => handler.Calls.Count == 1, Patience, "the message is in flight");
        var stopping = worker.StopAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => clock.Waits.Contains(options.DrainTimeout), Patience, "the stop starts its drain timeout");
        clock.Advance(options.DrainTimeout);
        await stopping.WaitAsync(Patience);

        var again = (await queue.Queue.ReceiveMessagesAsync(1)).Value;
        Assert.True(cancelled.Task.IsCompleted, "the handler was told to give up");
        Assert.Equal("""{"n":1}""", Assert.Single(again).Body.ToString());
        Assert.Equal(2, again[0].DequeueCount);
        Assert.Empty(await queue.PoisonedAsync());
    }
}
