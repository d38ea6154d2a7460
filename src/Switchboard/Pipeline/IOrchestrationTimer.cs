namespace Switchboard.Pipeline;

/// <summary>
/// The clock of an orchestration: a durable orchestration's context in the Functions app, a fake clock in tests. Its two
/// members mirror <c>TaskOrchestrationContext.CurrentUtcDateTime</c> and <c>CreateTimer</c>, so the adapter is two lines.
/// </summary>
public interface IOrchestrationTimer
{
    /// <summary>The orchestration's current time in UTC (replay-safe in a durable orchestration).</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>A task that completes at <paramref name="fireAt"/> (UTC).</summary>
    Task CreateTimer(DateTime fireAt);
}
