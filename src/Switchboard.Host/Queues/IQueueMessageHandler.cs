namespace Switchboard.Host.Queues;

/// <summary>Processes one queue message. Returning means done (the message is deleted); throwing means try again later.</summary>
public interface IQueueMessageHandler
{
    /// <summary>The queue this handler consumes.</summary>
    string QueueName { get; }

    /// <summary>
    /// Handles the decoded message text. Throw <see cref="Switchboard.Pipeline.PoisonMessageException"/> for a message that
    /// can never succeed; any other exception returns it to the queue until the dequeue limit.
    /// </summary>
    Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken);
}
