using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Sessions;

/// <summary>
/// A session's export (instance id <c>export-{tenant}|{channel}-{sessionId}</c>): a durable timer to the session's end
/// plus Export:Delay, then the ArchiveSession activity (<see cref="ProcessEvent.RunExportAsync"/>). A late event schedules
/// it again: refused while this instance waits (it will read the late event too), a new run once it has completed.
/// </summary>
/// <param name="process">The pipeline step that exports and tells the session followers.</param>
/// <param name="schedulers">Lets followers (CRM, email) schedule their own work with this invocation's client.</param>
public sealed class ExportOrchestration(ProcessEvent process, DurableSchedulers schedulers)
{
    /// <summary>The orchestrator's function name.</summary>
    public const string Name = "ExportSession";

    /// <summary>The activity's function name.</summary>
    public const string ArchiveActivity = "ArchiveSession";

    /// <summary>Waits until the export is due, then exports once.</summary>
    /// <param name="context">The orchestration; its input is the session and when its export is due.</param>
    [Function(Name)]
    public static async Task<SessionExported> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.GetInput<ScheduledJob<ExportJob>>()
            ?? throw new InvalidOperationException($"{Name} needs the session to export as its input.");
        await DueTime.WaitAsync(context, scheduled.DueAt);
        return await context.CallActivityAsync<SessionExported>(ArchiveActivity, scheduled.Job, ActivityRetry.Options);
    }

    /// <summary>Writes the session's archive; idempotent, so a repeated run rewrites only what changed.</summary>
    /// <param name="job">The session.</param>
    /// <param name="client">The durable client, for work the session followers schedule.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(ArchiveActivity)]
    public Task<SessionExported> Archive(
        [ActivityTrigger] ExportJob job, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        process.RunExportAsync(job, schedulers.For(client), cancellationToken);
}
