using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Functions.Deliveries;
using Switchboard.Functions.Sessions;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The Functions app's <see cref="IPipelineScheduler"/>: each piece of later work is a durable orchestration whose
/// instance id (<see cref="DurableSchedule"/>) makes scheduling it twice harmless — a running instance refuses the
/// second start (OrchestrationAlreadyExistsException, our idempotency), a completed one is replaced by it.
/// </summary>
/// <remarks>
/// The Durable extension hands out its client only as a function's <c>[DurableClient]</c> parameter (the isolated
/// worker has no injectable client or provider), so a function that may schedule passes its client in with
/// <see cref="Use"/> first. It flows with the invocation (an <see cref="AsyncLocal{T}"/>), so the pipeline steps and
/// the session followers resolve this one singleton and still schedule with their own invocation's client.
/// </remarks>
/// <param name="time">The clock that decides whether a late export runs again.</param>
/// <param name="logger">Where scheduling is logged.</param>
public sealed partial class FunctionsScheduler(TimeProvider time, ILogger<FunctionsScheduler> logger) : IPipelineScheduler
{
    private readonly AsyncLocal<DurableTaskClient?> client = new();

    /// <summary>
    /// Schedules with <paramref name="durableClient"/> for the rest of the calling function's invocation. Call it from an
    /// <c>async</c> function, whose end restores the previous value.
    /// </summary>
    public void Use(DurableTaskClient durableClient)
    {
        ArgumentNullException.ThrowIfNull(durableClient);
        client.Value = durableClient;
    }

    /// <inheritdoc />
    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken) =>
        StartAsync(DeliverOrchestration.Name, DurableSchedule.InstanceId(job), new ScheduledJob<DeliveryJob>(job, at), cancellationToken);

    /// <inheritdoc />
    public async Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduled = new ScheduledJob<ExportJob>(job, at);
        if (!await StartAsync(ExportOrchestration.Name, DurableSchedule.InstanceId(job), scheduled, cancellationToken)
            && DurableSchedule.ExportsAgain(at, time.GetUtcNow()))
        {
            // The session's export is running and may have read the journal before this event was written.
            await StartAsync(ExportOrchestration.Name, DurableSchedule.RepeatInstanceId(job, Guid.NewGuid()), scheduled, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken) =>
        StartAsync(WorkOrchestration.Name, DurableSchedule.InstanceId(work), new ScheduledJob<PipelineWork>(work, at), cancellationToken);

    /// <summary>Starts the orchestration; false when an instance with this id is still running.</summary>
    private async Task<bool> StartAsync<TJob>(string orchestrator, string instanceId, ScheduledJob<TJob> input, CancellationToken cancellationToken)
    {
        var durable = client.Value ?? throw new InvalidOperationException(
            $"No durable client to schedule {orchestrator} with: the calling function must take [DurableClient] and call {nameof(FunctionsScheduler)}.{nameof(Use)}.");
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
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
