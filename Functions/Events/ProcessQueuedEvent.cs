using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Events;

/// <summary>
/// Each message of <c>switchboard-events</c>: <see cref="ProcessEvent"/> journals the event, makes the first delivery
/// attempts and schedules retries and exports as durable orchestrations. A message that is not an event throws
/// (<see cref="PoisonMessageException"/>) like any failure, so the host retries it up to maxDequeueCount (host.json)
/// and then moves it to <c>switchboard-events-poison</c>.
/// </summary>
/// <param name="process">The processing step.</param>
/// <param name="claims">Fetches bodies too large for a queue message.</param>
/// <param name="schedulers">Makes the scheduler of this invocation's durable client.</param>
public sealed class ProcessQueuedEvent(ProcessEvent process, ClaimCheck claims, DurableSchedulers schedulers)
{
    /// <summary>Processes one queued event.</summary>
    /// <param name="message">The message text, base64-decoded by the host.</param>
    /// <param name="dequeueCount">How many times the message has been received (trigger metadata); 1 means no earlier run attempted anything.</param>
    /// <param name="client">The durable client retries and exports are scheduled with.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(ProcessEvent))]
    public async Task Run(
        [QueueTrigger(QueueNames.Events, Connection = "AzureWebJobsStorage")] string message,
        long dequeueCount,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var canonical = ProcessEvent.Read(await claims.OpenAsync(message, cancellationToken));
        await process.RunAsync(canonical, schedulers.For(client), firstReceipt: dequeueCount == 1, cancellationToken);
    }
}
