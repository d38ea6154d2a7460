using System.Text.Json;
using Switchboard.Host.Queues;
using Switchboard.Pipeline;

namespace Switchboard.Host.Jobs;

/// <summary>Runs due work from <see cref="QueueNames.Jobs"/> through <see cref="RunWork"/>: delivery retries, session exports, CRM syncs and emails.</summary>
public sealed class JobsHandler(JobScheduler jobs, RunWork work, ClaimCheck claims, TimeProvider time) : IQueueMessageHandler
{
    /// <summary>Jobs received up to this early run now rather than taking another trip through the queue.</summary>
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public string QueueName => QueueNames.Jobs;

    /// <inheritdoc />
    public async Task HandleAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        var job = Read(await claims.OpenAsync(messageText, cancellationToken));
        if (job.DueAt - time.GetUtcNow() > Early)
        {
            // A delay longer than one queue step: hide it again for the rest.
            await jobs.EnqueueAsync(job, $"job-{Guid.NewGuid():N}", cancellationToken);
        }
        else
        {
            await work.RunAsync(job.Due ?? throw new PoisonMessageException("The job names no work."), jobs, cancellationToken);
        }
    }

    private static JobMessage Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JobMessage>(json, JobScheduler.JsonOptions) ?? throw new PoisonMessageException("The job is JSON null.");
        }
        catch (JsonException exception)
        {
            throw new PoisonMessageException($"The message is not a job: {exception.Message}", exception);
        }
    }
}
