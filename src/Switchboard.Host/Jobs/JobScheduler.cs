using System.Text.Json;
using Azure.Storage.Queues;
using Switchboard.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Host.Jobs;

/// <summary>
/// The portable host's timer: delayed messages on <see cref="QueueNames.Jobs"/>, invisible until due. Queue
/// messages can hide for at most 7 days, so longer delays are covered in steps (the message is put back when
/// received early).
/// </summary>
public sealed class JobScheduler(QueueServiceClient queues, ClaimCheck claims, TimeProvider time) : IPipelineScheduler
{
    /// <summary>The longest one step hides a message: just under the queue's 7 days.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>How the job JSON is written: as the Functions app writes orchestration inputs (<see cref="PipelineJson.Options"/>).</summary>
    public static readonly JsonSerializerOptions JsonOptions = PipelineJson.Options;

    private readonly QueueClient queue = queues.GetQueueClient(QueueNames.Jobs);

    /// <inheritdoc />
    public Task ScheduleDeliveryAsync(DeliveryJob job, DateTimeOffset at, CancellationToken cancellationToken) =>
        EnqueueAsync(new JobMessage { DueAt = at, Delivery = job }, $"job-{job.DeliveryId}-{job.Attempt}", cancellationToken);

    /// <inheritdoc />
    public Task ScheduleExportAsync(ExportJob job, DateTimeOffset at, CancellationToken cancellationToken) =>
        EnqueueAsync(new JobMessage { DueAt = at, Export = job }, $"export-{Guid.NewGuid():N}", cancellationToken);

    /// <inheritdoc />
    public Task ScheduleWorkAsync(PipelineWork work, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return EnqueueAsync(new JobMessage { DueAt = at, Work = work }, $"work-{work.Kind}-{work.Id}", cancellationToken);
    }

    /// <summary>Queues a job to become visible when it is due (or after <see cref="MaxStep"/>, whichever is first).</summary>
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
