namespace Switchboard.Pipeline;

/// <summary>What the poison queue holds for a message that failed for good.</summary>
/// <param name="Queue">The queue it came from.</param>
/// <param name="MessageId">Its id there.</param>
/// <param name="DequeueCount">How often it was received.</param>
/// <param name="Reason">Why it was given up: the last error, or what is malformed.</param>
/// <param name="PoisonedAt">When it was moved.</param>
/// <param name="MessageText">The original message text, as stored (base64).</param>
public sealed record PoisonedMessage(string Queue, string MessageId, long DequeueCount, string Reason, DateTimeOffset PoisonedAt, string MessageText);
