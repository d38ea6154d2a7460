using System.Collections.Concurrent;
using Switchboard.Host.Queues;

namespace Switchboard.Tests.Queues;

/// <summary>A queue handler that records each message it is handed and then does what the test scripts for it.</summary>
internal sealed class ScriptedHandler(string queueName, Func<HandledMessage, CancellationToken, Task> script) : IQueueMessageHandler
{
    public ConcurrentQueue<HandledMessage> Calls { get; } = new();

    public string QueueName => queueName;

    public Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var message = new HandledMessage(messageText, dequeueCount);
        Calls.Enqueue(message);
        return script(message, cancellationToken);
    }
}
