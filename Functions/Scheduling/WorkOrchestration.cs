using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// Every piece of later work — a delivery's retry, a session's export 15 minutes after it ends, a CRM sync, an outcome
/// email — is one instance of this orchestration (instance id <see cref="InstanceIds.For"/>): a durable timer to its due
/// time, then the RunWork activity, which hands the work to <see cref="RunWork"/> as the portable host's jobs queue does.
/// </summary>
/// <param name="work">The pipeline step that runs the work through the handler of its kind.</param>
/// <param name="schedulers">Lets the handler schedule what follows with this invocation's client.</param>
public sealed class WorkOrchestration(RunWork work, DurableSchedulers schedulers)
{
    /// <summary>The orchestrator's function name.</summary>
    public const string Name = "Work";

    /// <summary>The activity's function name.</summary>
    public const string RunActivity = "RunWork";

    /// <summary>Waits until the work is due, then runs it once (the activity retries on failure, <see cref="ActivityRetry"/>).</summary>
    /// <param name="context">The orchestration; its input is the work and when it is due.</param>
    [Function(Name)]
    public static async Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.GetInput<ScheduledWork>()
            ?? throw new InvalidOperationException($"{Name} needs the work to run as its input.");
        await DueTime.WaitAsync(context, scheduled.DueAt);
        await context.CallActivityAsync(RunActivity, scheduled.Work, ActivityRetry.Options);
    }

    /// <summary>Runs the work with a scheduler made from this invocation's durable client.</summary>
    /// <param name="item">The work.</param>
    /// <param name="client">The invocation's durable client.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(RunActivity)]
    public Task Execute([ActivityTrigger] PipelineWork item, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        work.RunAsync(item, schedulers.For(client), cancellationToken);
}
