using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// Scheduled work of any other kind (a CRM call retry, an email retry; instance id <c>work-{kind}|{id}</c>): a durable
/// timer to its due time, then the RunWork activity (<see cref="ProcessEvent.RunWorkAsync"/>).
/// </summary>
/// <param name="process">The pipeline step that finds the work's handler.</param>
/// <param name="schedulers">Lets the handler schedule its next retry with this invocation's client.</param>
public sealed class WorkOrchestration(ProcessEvent process, DurableSchedulers schedulers)
{
    /// <summary>The orchestrator's function name.</summary>
    public const string Name = "Work";

    /// <summary>The activity's function name.</summary>
    public const string RunActivity = "RunWork";

    /// <summary>Waits until the work is due, then runs it once.</summary>
    /// <param name="context">The orchestration; its input is the work and when it is due.</param>
    [Function(Name)]
    public static async Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.GetInput<ScheduledJob<PipelineWork>>()
            ?? throw new InvalidOperationException($"{Name} needs the work to run as its input.");
        await DueTime.WaitAsync(context, scheduled.DueAt);
        await context.CallActivityAsync(RunActivity, scheduled.Job, ActivityRetry.Options);
    }

    /// <summary>Runs the work through the handler of its kind; an unknown kind fails the orchestration.</summary>
    /// <param name="work">The work.</param>
    /// <param name="client">The durable client, for the retry a handler may schedule.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(RunActivity)]
    public Task Execute([ActivityTrigger] PipelineWork work, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        process.RunWorkAsync(work, schedulers.For(client), cancellationToken);
}
