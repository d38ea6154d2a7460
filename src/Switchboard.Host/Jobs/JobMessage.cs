using Switchboard.Pipeline;

namespace Switchboard.Host.Jobs;

/// <summary>A message on the portable host's jobs queue: one piece of delayed work and when it is due.</summary>
public sealed record JobMessage
{
    /// <summary>When the work is due; a message received earlier (a delay over the queue's 7 days) is put back.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>A delivery attempt, when this job is one.</summary>
    public DeliveryJob? Delivery { get; init; }

    /// <summary>A session export, when this job is one.</summary>
    public ExportJob? Export { get; init; }

    /// <summary>Work of another kind (CRM calls, emails), when this job is one.</summary>
    public PipelineWork? Work { get; init; }
}
