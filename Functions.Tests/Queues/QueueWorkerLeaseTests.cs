using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Queues;

/// <summary>What happens to a message whose holder lost its lease: another instance works it, and the stale holder's delete does nothing.</summary>
public sealed class QueueWorkerLeaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_holder_whose_lease_ran_out_and_whose_renewal_fails_leaves_the_message_to_the_instance_now_holding_it()
    {
        var queue = new WorkerHarness(azurite);
        var options = WorkerHarness.Quick();
        options.VisibilityTimeout = TimeSpan.FromSeconds(2);
        var releaseStale = new TaskCompletionSource();
        var releaseCurrent = new TaskCompletionSource();
        var stale = new ScriptedHandler(queue.Name, (_, ct) => releaseStale.Task.WaitAsync(ct));
        var current = new ScriptedHandler(queue.Name, (_, ct) => releaseCurrent.Task.WaitAsync(ct));

        // The stale holder's clock stands still, so it does not renew its lease until the test moves it.
        var staleClock = new FakeTimeProvider();
        var staleLogs = new CapturedLogs();
        using var staleLogFactory = LoggerFactory.Create(logging => logging.AddProvider(staleLogs));
        await queue.SendAsync("""{"n":1}""");
        using var staleWorker = queue.Worker(stale, options, staleClock, staleLogFactory);
        using var currentWorker = queue.Worker(current, options, TimeProvider.System);

        await staleWorker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => stale.Calls.Count == 1, Patience, "the first instance receives the message");
        await currentWorker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => current.Calls.Count == 1, Patience, "the second instance receives it once the lease runs out");

        staleClock.Advance(options.VisibilityTimeout / 2);
        await Eventually.TrueAsync(() => LeaseLost(staleLogs) == 1, Patience, "the first instance's renewal fails");
        releaseStale.SetResult();
        await staleWorker.StopAsync(CancellationToken.None);
        var countAfterStaleFinished = await queue.CountAsync();
        releaseCurrent.SetResult();
        await Eventually.TrueAsync(async () => await queue.CountAsync() == 0, Patience, "the second instance deletes the message");
        await currentWorker.StopAsync(CancellationToken.None);

        Assert.Equal(1, Assert.Single(stale.Calls).DequeueCount);
        Assert.Equal(2, Assert.Single(current.Calls).DequeueCount);
        Assert.Equal(1, countAfterStaleFinished);
        Assert.Equal(2, LeaseLost(staleLogs));
    }

    private static int LeaseLost(CapturedLogs logs) => logs.Entries.Count(e => e.Text.Contains("lease on message", StringComparison.Ordinal));
}
