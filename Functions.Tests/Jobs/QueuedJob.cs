namespace Switchboard.Tests.Jobs;

/// <summary>A message put on the jobs queue, as the queue answered the put: how long it hides and the receipt that can show it.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="PopReceipt">The receipt the put returned, good for making the message visible.</param>
/// <param name="Hidden">The visibility timeout the put asked for.</param>
/// <param name="InsertedAt">When the queue took it, by the queue's clock.</param>
/// <param name="VisibleAt">When the queue will show it, by the queue's clock.</param>
internal sealed record QueuedJob(string MessageId, string PopReceipt, TimeSpan Hidden, DateTimeOffset InsertedAt, DateTimeOffset VisibleAt);
