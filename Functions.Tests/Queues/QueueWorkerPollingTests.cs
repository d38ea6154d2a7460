using Switchboard.Host.Queues;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;

namespace Switchboard.Tests.Queues;

/// <summary>How often the worker asks an idle queue for messages, read from the waits it sets on a fake clock.</summary>
public sealed class QueueWorkerPollingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idle_queue_is_polled_ever_less_often_up_to_the_longest_interval_and_at_once_again_after_a_message()
    {
        var queue = new WorkerHarness(azurite);
        var options = new QueueOptions { MinPollInterval = TimeSpan.FromMilliseconds(25), MaxPollInterval = TimeSpan.FromSeconds(1) };
        var clock = new TimerLog();
        var handler = new ScriptedHandler(queue.Name, (_, _) => Task.CompletedTask);
        using var worker = queue.Worker(handler, options, clock);

        // Each wait follows one empty receive; letting it run out lets the next receive happen.
        await worker.StartAsync(CancellationToken.None);
        for (var poll = 1; poll <= 10; poll++)
        {
            await Eventually.TrueAsync(() => clock.Waits.Count == poll, Patience, $"empty poll {poll} sets its wait");
            clock.Advance(clock.Waits[^1]);
        }

        await Eventually.TrueAsync(() => clock.Waits.Count == 11, Patience, "empty poll 11 sets its wait");
        var idle = clock.Waits.ToArray();
        await queue.SendAsync("""{"n":1}""");
        clock.Advance(idle[^1]);
        await Eventually.TrueAsync(() => !handler.Calls.IsEmpty, Patience, "the message is handled");

        // The message's lease renewal waits on the same clock; the poll after the message is the one to look at.
        await Eventually.TrueAsync(() => PollWaits(clock, options).Count() == 12, Patience, "the poll after the message sets its wait");
        var afterMessage = PollWaits(clock, options).Last();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal([25, 50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000], idle.Select(w => w.TotalMilliseconds));
        Assert.Equal(options.MinPollInterval, afterMessage);
    }

    private static IEnumerable<TimeSpan> PollWaits(TimerLog clock, QueueOptions options) => clock.Waits.Where(w => w != options.VisibilityTimeout / 2);
}
