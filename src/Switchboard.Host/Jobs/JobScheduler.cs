using System.Text.Json;
using Azure.Storage.Queues;
using Switchboard.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Host.Jobs;

/// <summary>
/// The portable host's <see cref="IPipelineScheduler"/>: each piece of work is a message on queue
/// <see cref="QueueNames.Jobs"/>, invisible until it is due. A queue message can stay invisible for at most 7 days, so
/// work due later is hidden for a step of just under 7 days and put back for the rest when it surfaces
/// (<see cref="JobsHandler"/>). Messages over the queue's size limit go through the <see cref="ClaimCheck"/>.
/// </summary>
public sealed class JobScheduler(QueueServiceClient queues, ClaimCheck claims, TimeProvider time) : IPipelineScheduler
{
    /// <summary>The longest a message is hidden at once: the service's 7 days, less a margin for clock skew.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>How job messages are written.</summary>
    public static readonly JsonSerializerOptions JsonOptions = PipelineJson.Options;

    private readonly QueueClient queue = queues.GetQueueClient(QueueNames.Jobs);

    /// <inheritdoc />
    public Task ScheduleAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return EnqueueAsync(new JobMessage { DueAt = at, Work = work }, $"work-{work.Kind}-{Guid.NewGuid():N}", cancellationToken);
    }

    /// <summary>Queues <paramref name="job"/>, hidden until it is due or for <see cref="MaxStep"/>; <paramref name="id"/> names its claim-check blob.</summary>
    public async Task EnqueueAsync(JobMessage job, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The service counts whole seconds and the SDK truncates: rounding up keeps a job from surfacing early.
        var delay = TimeSpan.FromSeconds(Math.Ceiling((job.DueAt - time.GetUtcNow()).TotalSeconds));
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxStep ? MaxStep : delay;
        var text = await claims.WrapAsync(JsonSerializer.Serialize(job, JsonOptions), id, cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(text, delay, QueueTimeToLive.Never, cancellationToken).ConfigureAwait(false);
    }
}
