using System.Text.Json;

namespace Switchboard.Pipeline;

/// <summary>
/// A piece of work to run later, of any kind: its kind selects the <see cref="IPipelineWorkHandler"/> that runs it,
/// its payload is what that handler needs. Every job the pipeline schedules travels as one
/// (<see cref="DeliveryJob.ToWork"/>, <see cref="ExportJob.ToWork"/>, …).
/// </summary>
/// <param name="Kind">The handler's <see cref="IPipelineWorkHandler.Kind"/>.</param>
/// <param name="Id">A stable id (for logs, instance ids and claim-check names), e.g. the delivery id and attempt.</param>
/// <param name="Payload">The handler's input, as JSON.</param>
public sealed record PipelineWork(string Kind, string Id, JsonElement Payload)
{
    /// <summary>Work of <paramref name="kind"/> carrying <paramref name="job"/>, written with <see cref="PipelineJson.Options"/>.</summary>
    public static PipelineWork Of<TJob>(string kind, string id, TJob job) =>
        new(kind, id, JsonSerializer.SerializeToElement(job, PipelineJson.Options));

    /// <summary>
    /// The job this work carries; throws <see cref="PoisonMessageException"/> when it is of another kind or its payload is
    /// not a <typeparamref name="TJob"/>, since running it again cannot help.
    /// </summary>
    public TJob Read<TJob>(string kind)
    {
        if (!string.Equals(Kind, kind, StringComparison.Ordinal))
        {
            throw new PoisonMessageException($"Work {Id} is of kind '{Kind}', not '{kind}'.");
        }

        try
        {
            return Payload.Deserialize<TJob>(PipelineJson.Options)
                ?? throw new PoisonMessageException($"Work {Id} carries JSON null, not its job.");
        }
        catch (JsonException exception)
        {
            throw new PoisonMessageException($"Work {Id} does not carry a {kind} job: {exception.Message}", exception);
        }
    }
}
