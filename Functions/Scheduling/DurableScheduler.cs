using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The Functions app's <see cref="IPipelineScheduler"/> for one invocation: each piece of later work is a
/// <see cref="WorkOrchestration"/> started with the invocation's own durable client, under the work's instance id
/// (<see cref="InstanceIds"/>). A running or pending instance refuses a second start (OrchestrationAlreadyExistsException),
/// a completed one is replaced by it. A refused start is made once more under a repeat id (<see cref="InstanceIds.Repeat"/>):
/// the instance that refused may already have read what this schedule is for (an event written after an export read the
/// journal), or may be the very run that asks for its own retry. Work is idempotent, so a repeat that was not needed
/// changes nothing.
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
        if (!await StartAsync(InstanceIds.For(work), scheduled, cancellationToken))
        {
            // Work due now repeats under a fresh id each time, since any earlier repeat may have read too early as well;
            // work due later repeats once per due time.
            var repeat = at <= time.GetUtcNow() ? Guid.NewGuid().ToString("N") : at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await StartAsync(InstanceIds.Repeat(work, repeat), scheduled, cancellationToken);
        }
    }

    private async Task<bool> StartAsync(string instanceId, ScheduledWork input, CancellationToken cancellationToken)
    {
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
