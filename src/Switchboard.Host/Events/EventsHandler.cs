using Switchboard.Host.Jobs;
using Switchboard.Host.Queues;
using Switchboard.Pipeline;

namespace Switchboard.Host.Events;

/// <summary>Consumes <see cref="QueueNames.Events"/>: each message is one accepted event, processed by <see cref="ProcessEvent"/>.</summary>
public sealed class EventsHandler(ProcessEvent process, JobScheduler jobs, ClaimCheck claims) : IQueueMessageHandler
{
    /// <inheritdoc />
    public string QueueName => QueueNames.Events;

    /// <inheritdoc />
    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var canonical = ProcessEvent.Read(await claims.OpenAsync(messageText, cancellationToken));
        await process.RunAsync(canonical, jobs, firstReceipt: dequeueCount == 1, cancellationToken);
    }
}
