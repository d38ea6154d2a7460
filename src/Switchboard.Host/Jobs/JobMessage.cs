using System.Text.Json.Serialization;
using Switchboard.Pipeline;

namespace Switchboard.Host.Jobs;

/// <summary>A message on the portable host's jobs queue: one piece of delayed work and when it is due.</summary>
public sealed record JobMessage
{
    /// <summary>When the work is due; a message received earlier (a delay over the queue's 7 days) is put back.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The work.</summary>
    public PipelineWork? Work { get; init; }

    /// <summary>A delivery attempt as messages queued before all work was <see cref="PipelineWork"/> carried it; read, never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeliveryJob? Delivery { get; init; }

    /// <summary>A session export as messages queued before all work was <see cref="PipelineWork"/> carried it; read, never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExportJob? Export { get; init; }

    /// <summary>The work this message carries, whichever way it was written; null when it names none.</summary>
    [JsonIgnore]
    public PipelineWork? Due => Work ?? Delivery?.ToWork() ?? Export?.ToWork();
}
