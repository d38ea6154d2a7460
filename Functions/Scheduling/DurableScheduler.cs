using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Functions.Deliveries;
using Switchboard.Functions.Sessions;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The Functions app's <see cref="IPipelineScheduler"/> for one invocation: each piece of later work is a durable
/// orchestration started with the invocation's own durable client, under an instance id (<see cref="InstanceIds"/>) that
/// makes scheduling it twice harmless — a running instance refuses the second start (OrchestrationAlreadyExistsException,
/// our idempotency), a completed one is replaced by it.
/// </summary>
/// <remarks>
/// The Durable extension hands out its client only as a function's <c>[DurableClient]</c> parameter, so a function that
/// schedules takes that parameter and passes a scheduler made from it (<see cref="DurableSchedulers.For"/>) to the
/// pipeline step it calls.
/// </remarks>
/// <param name="client">The invocation's durable client.</param>
/// <param name="time">The clock that decides whether a late export runs again.</param>
/// <param name="logger">Where scheduling is logged.</param>
public sealed partial class DurableScheduler(DurableTaskClient client, TimeProvider time, ILogger<DurableScheduler> logger) : IPipelineScheduler
{
    /// <inheritdoc />
    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken) =>
        StartAsync(DeliverOrchestration.Name, InstanceIds.For(job), new ScheduledJob<DeliveryJob>(job, at), cancellationToken);

    /// <inheritdoc />
    public async Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduled = new ScheduledJob<ExportJob>(job, at);
        if (!await StartAsync(ExportOrchestration.Name, InstanceIds.For(job), scheduled, cancellationToken)
            && InstanceIds.ExportsAgain(at, time.GetUtcNow()))
        {
            // The session's export is running and may have read the journal before this event was written.
            await StartAsync(ExportOrchestration.Name, InstanceIds.Repeat(job, Guid.NewGuid()), scheduled, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken) =>
        StartAsync(WorkOrchestration.Name, InstanceIds.For(work), new ScheduledJob<PipelineWork>(work, at), cancellationToken);

    /// <summary>Starts the orchestration; false when an instance with this id is still running.</summary>
    private async Task<bool> StartAsync<TJob>(string orchestrator, string instanceId, ScheduledJob<TJob> input, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            LogScheduled(logger, orchestrator, instanceId, input.DueAt);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            LogAlreadyScheduled(logger, orchestrator, instanceId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Orchestrator} {InstanceId}, due {DueAt:O}")]
    private static partial void LogScheduled(ILogger logger, string orchestrator, string instanceId, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Orchestrator} {InstanceId} is already running; nothing scheduled")]
    private static partial void LogAlreadyScheduled(ILogger logger, string orchestrator, string instanceId);
}
