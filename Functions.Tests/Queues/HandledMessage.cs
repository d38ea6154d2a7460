namespace Switchboard.Tests.Queues;

/// <summary>A message as the worker handed it to a handler.</summary>
internal sealed record HandledMessage(string Text, long DequeueCount);
