using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Switchboard.Delivery;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Deliveries;

/// <summary>
/// The retries of a delivery: ProcessEvent made the first attempt and scheduled the next one here (instance id = the
/// delivery id). A durable timer to the retry time, the AttemptDelivery activity, and again at the time the retry policy
/// sets (<see cref="DeliverySchedule.Next"/>) until the delivery is delivered or failed.
/// </summary>
/// <param name="attempts">The delivery step.</param>
public sealed class DeliverOrchestration(AttemptDelivery attempts)
{
    /// <summary>The orchestrator's function name.</summary>
    public const string Name = "Deliver";

    /// <summary>The activity's function name.</summary>
    public const string AttemptActivity = nameof(AttemptDelivery);

    /// <summary>Runs the attempts of the delivery in its input; the output is the last attempt.</summary>
    /// <param name="context">The orchestration; its input is the next attempt and when it is due.</param>
    [Function(Name)]
    public static async Task<DeliveryAttempted> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var next = context.GetInput<ScheduledJob<DeliveryJob>>()
            ?? throw new InvalidOperationException($"{Name} needs the attempt to make as its input.");
        while (true)
        {
            await DueTime.WaitAsync(context, next.DueAt);
            var attempted = await context.CallActivityAsync<DeliveryAttempted>(AttemptActivity, next.Job, ActivityRetry.Options);
            if (DeliverySchedule.Next(next.Job, attempted) is not { } following)
            {
                return attempted;
            }

            next = following;
        }
    }

    /// <summary>One attempt (<see cref="AttemptDelivery.RunAsync(DeliveryJob, CancellationToken)"/>); an attempt already recorded is not sent again.</summary>
    /// <param name="job">The attempt to make.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(AttemptActivity)]
    public Task<DeliveryAttempted> Attempt([ActivityTrigger] DeliveryJob job, CancellationToken cancellationToken) =>
        attempts.RunAsync(job, cancellationToken);
}
