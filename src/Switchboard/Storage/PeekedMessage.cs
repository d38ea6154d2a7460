namespace Switchboard.Storage;

/// <summary>A message seen without receiving it: it stays visible and carries no pop receipt.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="DequeueCount">How many times the message has been received.</param>
/// <param name="InsertionTime">When the message was queued.</param>
/// <param name="ExpirationTime">When the message expires.</param>
/// <param name="MessageText">The text as stored, normally base64 of the UTF-8 body.</param>
/// <param name="Body">The body decoded from <paramref name="MessageText"/>, or null when the text is not base64.</param>
public sealed record PeekedMessage(
    string MessageId,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    string MessageText,
    BinaryData? Body);
