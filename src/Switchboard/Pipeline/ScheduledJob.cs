namespace Switchboard.Pipeline;

/// <summary>
/// Work to run later and when: a delivery attempt, a session export or other <see cref="PipelineWork"/>, as the
/// Functions app passes it to a durable orchestration.
/// </summary>
/// <typeparam name="TJob">The kind of work: <see cref="DeliveryJob"/>, <see cref="ExportJob"/> or <see cref="PipelineWork"/>.</typeparam>
/// <param name="Job">The work.</param>
/// <param name="DueAt">When it should run; a time already past means now.</param>
public sealed record ScheduledJob<TJob>(TJob Job, DateTimeOffset DueAt);
