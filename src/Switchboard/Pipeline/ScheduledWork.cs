namespace Switchboard.Pipeline;

/// <summary>Work and when to run it, as the Functions app passes it to its durable orchestration.</summary>
/// <param name="Work">The work.</param>
/// <param name="DueAt">When it should run; a time already past means now.</param>
public sealed record ScheduledWork(PipelineWork Work, DateTimeOffset DueAt);
