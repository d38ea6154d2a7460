using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The Functions app's <see cref="IPipelineScheduler"/> for one invocation: each piece of later work is a
/// <see cref="WorkOrchestration"/> started with the invocation's own durable client, under the work's instance id
/// (<see cref="InstanceIds"/>). An instance that has not completed is left alone — the same work is already on its way —
/// and a completed one is replaced. Work due now whose instance has not completed runs once more under a repeat id
/// (<see cref="InstanceIds.Repeat"/>), since that instance may have read what this schedule is for already. Work is
/// idempotent, so a repeat that was not needed changes nothing; work that schedules itself again names its due time in
/// its id (a CRM sync's retry), so it never collides with the run that schedules it.
/// </summary>
/// <remarks>
/// The Durable extension hands out its client only as a function's <c>[DurableClient]</c> parameter, so a function that
/// schedules takes that parameter and passes a scheduler made from it (<see cref="DurableSchedulers.For"/>) to the
/// pipeline step it calls.
/// </remarks>
/// <param name="client">The invocation's durable client.</param>
/// <param name="time">The clock that tells work due now from work due later.</param>
/// <param name="logger">Where scheduling is logged.</param>
public sealed partial class DurableScheduler(DurableTaskClient client, TimeProvider time, ILogger<DurableScheduler> logger) : IPipelineScheduler
{
    /// <inheritdoc />
    public async Task ScheduleAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var scheduled = new ScheduledWork(work, at);
        if (!await StartAsync(InstanceIds.For(work), scheduled, cancellationToken) && at <= time.GetUtcNow())
        {
            // Due now while its instance runs: that run may have read what this schedule is for already (an event
            // journaled after its export read the journal), so the work runs once more, under a fresh id each time.
            await StartAsync(InstanceIds.Repeat(work, Guid.NewGuid().ToString("N")), scheduled, cancellationToken);
        }
    }

    private async Task<bool> StartAsync(string instanceId, ScheduledWork input, CancellationToken cancellationToken)
    {
        // Asked first, because task hubs differ in what a second start of a pending instance does (refused, or the
        // instance restarted under its timer); only a start that races this look relies on the refusal.
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is { IsCompleted: false })
        {
            LogAlreadyScheduled(logger, instanceId);
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(WorkOrchestration.Name, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            LogScheduled(logger, instanceId, input.DueAt);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogAlreadyScheduled(logger, instanceId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled work {InstanceId}, due {DueAt:O}")]
    private static partial void LogScheduled(ILogger logger, string instanceId, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Work {InstanceId} is already scheduled or running")]
    private static partial void LogAlreadyScheduled(ILogger logger, string instanceId);
}
