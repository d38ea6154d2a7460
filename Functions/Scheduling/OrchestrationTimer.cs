using Microsoft.DurableTask;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>The orchestration's replay-safe clock and durable timers, for the library's <see cref="Orchestrations"/>.</summary>
/// <param name="context">The running orchestration.</param>
public sealed class OrchestrationTimer(TaskOrchestrationContext context) : IOrchestrationTimer
{
    /// <inheritdoc />
    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    /// <inheritdoc />
    public Task CreateTimer(DateTime fireAt) => context.CreateTimer(fireAt, CancellationToken.None);
}
