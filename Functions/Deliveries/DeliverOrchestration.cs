using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Switchboard.Delivery;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Deliveries;

/// <summary>
/// The retries of a delivery: ProcessEvent made the first attempt and scheduled the next one here (instance id = the
/// delivery id). The loop is <see cref="Orchestrations.DeliverAsync"/>: a durable timer to the retry time, the
/// AttemptDelivery activity, again until delivered or failed.
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
    public static Task<DeliveryAttempted> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetInput<ScheduledJob<DeliveryJob>>()
            ?? throw new InvalidOperationException($"{Name} needs the attempt to make as its input.");
        return Orchestrations.DeliverAsync(
            first,
            new OrchestrationTimer(context),
            job => context.CallActivityAsync<DeliveryAttempted>(AttemptActivity, job, ActivityRetry.Options));
    }

    /// <summary>One attempt (<see cref="AttemptDelivery.RunAsync(DeliveryJob, CancellationToken)"/>); an attempt already recorded is not sent again.</summary>
    /// <param name="job">The attempt to make.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(AttemptActivity)]
    public Task<DeliveryAttempted> Attempt([ActivityTrigger] DeliveryJob job, CancellationToken cancellationToken) =>
        attempts.RunAsync(job, cancellationToken);
}
