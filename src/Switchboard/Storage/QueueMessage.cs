namespace Switchboard.Storage;

/// <summary>A received message, invisible to other receivers until <see cref="NextVisibleOn"/>.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">The receipt of this receive; delete or update the message with it.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertionTime">When the message was queued.</param>
/// <param name="ExpirationTime">When the message expires.</param>
/// <param name="NextVisibleOn">When the message returns to the queue unless it is deleted or its lease is renewed.</param>
/// <param name="MessageText">The text as stored, normally base64 of the UTF-8 body.</param>
/// <param name="Body">
/// The body decoded from <paramref name="MessageText"/>, or null when the text is not base64 (a message
/// queued by something that does not encode): such a message cannot be handled and belongs in poison.
/// </param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleOn,
    string MessageText,
    BinaryData? Body);
