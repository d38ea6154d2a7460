using System.Text;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;

namespace Switchboard.Tests.Queues;

/// <summary>How the portable host's queue worker gives a message up: after the configured receives, or at once when it can never succeed.</summary>
public sealed class QueueWorkerPoisonTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_message_failing_on_every_receive_is_retried_then_poisoned_with_the_last_error_on_the_configured_last_receive()
    {
        var queue = new WorkerHarness(azurite);
        var handler = new ScriptedHandler(queue.Name, (message, _) => throw new InvalidOperationException($"receiver down on receive {message.DequeueCount}"));
        await queue.SendAsync("""{"n":1}""");
        using var worker = queue.Worker(handler, WorkerHarness.Quick(maxDequeueCount: 2), TimeProvider.System);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await queue.PoisonedAsync()).Count == 1, Patience, "the message reaches the poison queue");
        await worker.StopAsync(CancellationToken.None);

        var record = Assert.Single(await queue.PoisonedAsync());
        Assert.Equal([1L, 2L], handler.Calls.Select(c => c.DequeueCount));
        Assert.Equal(queue.Name, record.Queue);
        Assert.Equal(2, record.DequeueCount);
        Assert.Equal("receiver down on receive 2", record.Reason);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"n":1}""")), record.MessageText);
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task With_the_default_limit_a_message_goes_to_poison_when_its_fifth_receive_fails()
    {
        var queue = new WorkerHarness(azurite);
        await queue.SendAsync("""{"n":5}""");

        // Four earlier receives that came to nothing, as on instances that crashed while holding the message.
        for (var i = 0; i < 4; i++)
        {
            var held = Assert.Single((await queue.Queue.ReceiveMessagesAsync(1)).Value);
            await queue.Queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        var handler = new ScriptedHandler(queue.Name, (_, _) => throw new TimeoutException("still failing"));
        using var worker = queue.Worker(handler, WorkerHarness.Quick(), TimeProvider.System);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await queue.PoisonedAsync()).Count == 1, Patience, "the message reaches the poison queue");
        await worker.StopAsync(CancellationToken.None);

        var record = Assert.Single(await queue.PoisonedAsync());
        Assert.Equal(5, Assert.Single(handler.Calls).DequeueCount);
        Assert.Equal(5, record.DequeueCount);
        Assert.Equal("still failing", record.Reason);
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task A_poison_message_exception_moves_the_message_on_its_first_receive_with_its_reason()
    {
        var queue = new WorkerHarness(azurite);
        var handler = new ScriptedHandler(queue.Name, (_, _) => throw new PoisonMessageException("The job names no work."));
        await queue.SendAsync("""{"dueAt":"2030-01-01T00:00:00Z"}""");
        using var worker = queue.Worker(handler, WorkerHarness.Quick(), TimeProvider.System);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await queue.PoisonedAsync()).Count == 1, Patience, "the message reaches the poison queue");
        await worker.StopAsync(CancellationToken.None);

        var record = Assert.Single(await queue.PoisonedAsync());
        Assert.Equal(1, Assert.Single(handler.Calls).DequeueCount);
        Assert.Equal(1, record.DequeueCount);
        Assert.Equal("The job names no work.", record.Reason);
        Assert.Equal(0, await queue.CountAsync());
    }

    [Fact]
    public async Task A_poisoned_message_too_large_to_quote_inline_is_recorded_through_a_claim_with_its_text_whole()
    {
        var queue = new WorkerHarness(azurite);

        // Near the largest text a message carries inline; quoted as base64 in the record, it no longer fits one.
        var pad = new string(Enumerable.Range(0, ClaimCheck.InlineLimitBytes - 1024).Select(i => (char)('a' + (i % 26))).ToArray());
        var text = $$"""{"pad":"{{pad}}"}""";
        var handler = new ScriptedHandler(queue.Name, (_, _) => throw new PoisonMessageException("malformed"));
        await queue.SendAsync(text);
        using var worker = queue.Worker(handler, WorkerHarness.Quick(), TimeProvider.System);

        await worker.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await queue.PoisonedAsync()).Count == 1, Patience, "the message reaches the poison queue");
        await worker.StopAsync(CancellationToken.None);

        var stored = Assert.Single((await queue.Poison.PeekMessagesAsync()).Value).Body.ToString();
        var record = Assert.Single(await queue.PoisonedAsync());
        Assert.StartsWith("{\"claim\":", stored, StringComparison.Ordinal);
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(record.MessageText)));
        Assert.Equal(0, await queue.CountAsync());
    }
}
