using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Switchboard.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Host.Queues;

/// <summary>
/// Competes for one queue's messages with every other instance: keeps up to <see cref="QueueOptions.BatchSize"/>
/// messages in flight, renews each one's lease while it is worked on, deletes it on success, returns it on failure
/// (with a short back-off) and moves it to <c>{queue}-poison</c> with the reason after
/// <see cref="QueueOptions.MaxDequeueCount"/> receives or at once when it is malformed. Polls at once while busy and
/// backs off to <see cref="QueueOptions.MaxPollInterval"/> while idle. On shutdown it stops receiving, lets in-flight
/// work finish within <see cref="QueueOptions.DrainTimeout"/> and releases the rest (visibility 0).
/// </summary>
public sealed partial class QueueWorker : BackgroundService
{
    private readonly IQueueMessageHandler handler;
    private readonly ClaimCheck claims;
    private readonly IOptions<QueueOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<QueueWorker> logger;
    private readonly QueueClient queue;
    private readonly QueueClient poison;
    private readonly ConcurrentDictionary<string, Lease> inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource abandon = new();

    /// <summary>Creates the worker for <paramref name="handler"/>'s queue, with clients of its own on <paramref name="storage"/>.</summary>
    public QueueWorker(
        StorageConnection storage, IQueueMessageHandler handler, ClaimCheck claims, IOptions<QueueOptions> options, TimeProvider time, ILogger<QueueWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(handler);
        this.handler = handler;
        this.claims = claims;
        this.options = options;
        this.time = time;
        this.logger = logger;

        // The SDK leaves a message whose text is not base64 out of what it receives and hands it here; without a
        // handler it fails the whole receive instead. As the Functions host does, such a message goes to poison at once.
        var queueOptions = StorageConnection.QueueOptions();
        queueOptions.MessageDecodingFailed += PoisonUndecodableAsync;
        var queues = storage.CreateQueueServiceClient(queueOptions);
        queue = queues.GetQueueClient(handler.QueueName);
        poison = queues.GetQueueClient(QueueNames.Poison(handler.QueueName));
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var receiving = base.StopAsync(cancellationToken);
        var finished = Task.WhenAll(receiving, Task.WhenAll(inFlight.Values.Select(l => l.Done)));
        if (await Task.WhenAny(finished, Task.Delay(settings.DrainTimeout, time, CancellationToken.None)) != finished && !inFlight.IsEmpty)
        {
            LogReleasing(logger, inFlight.Count, handler.QueueName);
            await abandon.CancelAsync();
            await Task.WhenAll(inFlight.Values.Select(ReleaseAsync));
        }

        await receiving;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        abandon.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunWorkers)
        {
            return;
        }

        using var slots = new SemaphoreSlim(settings.BatchSize, settings.BatchSize);
        var idle = settings.MinPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // As the Functions host's newBatchThreshold: fetch again once half the batch is done, not per
                // finished message, since every receive scans the queue (costly on a long queue, and on Azurite).
                var free = 0;
                while (free < NextBatchThreshold(settings.BatchSize))
                {
                    await slots.WaitAsync(stoppingToken);
                    free++;
                }

                while (free < settings.BatchSize && slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                QueueMessage[] messages = [];
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(free, settings.VisibilityTimeout, stoppingToken)).Value;
                }
                finally
                {
                    // Slots not taken by a message are handed back at once.
                    if (free > messages.Length)
                    {
                        slots.Release(free - messages.Length);
                    }
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(idle, time, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollInterval.Ticks));
                    continue;
                }

                idle = settings.MinPollInterval;
                foreach (var message in messages)
                {
                    var lease = new Lease(message);
                    inFlight[message.MessageId] = lease;
                    lease.Done = Task.Run(() => ProcessAsync(lease), CancellationToken.None)
                        .ContinueWith(_ => { inFlight.TryRemove(message.MessageId, out Lease? _); slots.Release(); }, TaskScheduler.Default);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Storage unreachable or refusing (the SDK reports exhausted retries as an AggregateException):
                // a worker that gave up would stop the host, so it waits and tries again.
                LogReceiveFailed(logger, exception, handler.QueueName);
                try
                {
                    await Task.Delay(settings.MaxPollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private static int NextBatchThreshold(int batchSize) => Math.Max(1, (batchSize + 1) / 2);

    private async Task ProcessAsync(Lease lease)
    {
        var settings = options.Value;
        var message = lease.Message;
        using var renewal = new CancellationTokenSource();
        var renewing = RenewAsync(lease, renewal.Token);
        try
        {
            await handler.HandleAsync(message.Body.ToString(), message.DequeueCount, abandon.Token);
            await renewal.CancelAsync();
            await renewing;
            await DeleteAsync(message.MessageId, lease.PopReceipt);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Shutdown ran out of drain time: StopAsync releases this message to another instance.
        }
        catch (Exception exception) when (exception is PoisonMessageException || message.DequeueCount >= settings.MaxDequeueCount)
        {
            await renewal.CancelAsync();
            await renewing;
            await PoisonAsync(message.MessageId, lease.PopReceipt, message.DequeueCount, Convert.ToBase64String(message.Body.ToMemory().Span), exception.Message);
        }
        catch (Exception exception)
        {
            await renewal.CancelAsync();
            await renewing;
            LogFailed(logger, exception, handler.QueueName, message.MessageId, message.DequeueCount);
            await BackOffAsync(lease);
        }
    }

    private async Task RenewAsync(Lease lease, CancellationToken cancellationToken)
    {
        var every = options.Value.VisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);
                var receipt = await queue.UpdateMessageAsync(lease.Message.MessageId, lease.PopReceipt, visibilityTimeout: options.Value.VisibilityTimeout, cancellationToken: cancellationToken);
                lease.PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException exception)
        {
            // The lease is lost (another instance holds the message now); the work finishes, the delete then no-ops.
            LogLeaseLost(logger, exception, handler.QueueName, lease.Message.MessageId);
        }
    }

    private async Task PoisonUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is { } message)
        {
            // Received without decoding, so the body is the text as stored.
            await PoisonAsync(
                message.MessageId,
                message.PopReceipt,
                message.DequeueCount,
                message.Body.ToString(),
                "The message text is not base64: it was not written by Switchboard or the Functions host.");
        }
    }

    private async Task PoisonAsync(string messageId, string popReceipt, long dequeueCount, string storedText, string reason)
    {
        LogPoisoned(logger, handler.QueueName, messageId, dequeueCount, reason);
        var record = new PoisonedMessage(handler.QueueName, messageId, dequeueCount, reason, time.GetUtcNow(), storedText);
        var text = await claims.WrapAsync(JsonSerializer.Serialize(record), $"poison-{messageId}", CancellationToken.None);
        await poison.SendMessageAsync(text, timeToLive: QueueTimeToLive.Never, cancellationToken: CancellationToken.None);
        await DeleteAsync(messageId, popReceipt);
    }

    /// <summary>
    /// Deletes a message whose work is done. When the receipt no longer holds it (its lease ran out and another receive
    /// took it, or it is gone) the work may be done twice, which every step tolerates; neither is a failure of this work.
    /// </summary>
    private async Task DeleteAsync(string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None);
        }
        catch (RequestFailedException exception) when (exception.IsNotFound() || exception.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString())
        {
            LogLeaseLost(logger, exception, handler.QueueName, messageId);
        }
    }

    private async Task BackOffAsync(Lease lease)
    {
        var seconds = Math.Min(30, 1 << (int)Math.Min(lease.Message.DequeueCount, 5));
        try
        {
            await queue.UpdateMessageAsync(lease.Message.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(seconds), cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Lease already lost: the message comes back after its visibility timeout anyway.
        }
    }

    private async Task ReleaseAsync(Lease lease)
    {
        try
        {
            await queue.UpdateMessageAsync(lease.Message.MessageId, lease.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: message {MessageId} failed on receive {DequeueCount}; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue}: message {MessageId} moved to the poison queue after {DequeueCount} receives: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: receiving failed; retrying")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: lease on message {MessageId} lost")]
    private static partial void LogLeaseLost(ILogger logger, Exception exception, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: drain time over; releasing {Count} in-flight messages to other instances")]
    private static partial void LogReleasing(ILogger logger, int count, string queue);

    private sealed class Lease(QueueMessage message)
    {
        public QueueMessage Message { get; } = message;

        public string PopReceipt { get; set; } = message.PopReceipt;

        public Task Done { get; set; } = Task.CompletedTask;
    }
}
