namespace Switchboard.Storage;

/// <summary>What the queue service answered when it accepted a message.</summary>
/// <param name="MessageId">The message id, needed with a pop receipt to delete or update it.</param>
/// <param name="PopReceipt">The pop receipt the message carries until it is next received.</param>
/// <param name="InsertionTime">When the message was queued.</param>
/// <param name="ExpirationTime">When the message expires (9999-12-31 for a message that never expires).</param>
/// <param name="TimeNextVisible">When receivers first see the message (later than now for a delayed message).</param>
public sealed record SendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset TimeNextVisible);
