namespace Switchboard.Pipeline;

/// <summary>Runs a scheduled delivery attempt: work of kind <see cref="DeliveryJob.WorkKind"/>.</summary>
public sealed class DeliveryWorkHandler(AttemptDelivery attempts) : IPipelineWorkHandler
{
    /// <inheritdoc />
    public string Kind => DeliveryJob.WorkKind;

    /// <inheritdoc />
    public Task RunAsync(PipelineWork work, IPipelineScheduler scheduler, CancellationToken cancellationToken) =>
        attempts.RunAsync(DeliveryJob.FromWork(work), scheduler, cancellationToken);
}
