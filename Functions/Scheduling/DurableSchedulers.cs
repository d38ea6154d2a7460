using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Switchboard.Functions.Scheduling;

/// <summary>Makes the <see cref="DurableScheduler"/> of an invocation from the durable client it was given.</summary>
/// <param name="time">The clock every scheduler reads.</param>
/// <param name="logger">Where every scheduler logs.</param>
public sealed class DurableSchedulers(TimeProvider time, ILogger<DurableScheduler> logger)
{
    /// <summary>A scheduler that starts orchestrations with <paramref name="client"/>.</summary>
    public DurableScheduler For(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new DurableScheduler(client, time, logger);
    }
}
