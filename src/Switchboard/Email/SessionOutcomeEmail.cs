namespace Switchboard.Email;

/// <summary>
/// The email "CRM personalizzato" describes for a completed session: a subject naming the channel and session id, the
/// session metadata JSON as the plain-text body, and for chats the transcript attached as a .txt file.
/// </summary>
public sealed record SessionOutcomeEmail
{
    /// <summary>The recipient.</summary>
    public required string To { get; init; }

    /// <summary>The subject, e.g. <c>Session outcome: chat 73522</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The session metadata file's JSON, as archived.</summary>
    public required string Body { get; init; }

    /// <summary>The attachment's file name (<c>chat-73522.txt</c>); null when nothing is attached.</summary>
    public string? AttachmentName { get; init; }

    /// <summary>The chat transcript; null when nothing is attached.</summary>
    public string? Attachment { get; init; }

    /// <summary>
    /// The Message-ID without angle brackets, the same for every attempt of one session, so a mailbox or CRM that
    /// deduplicates on it files a repeated send once.
    /// </summary>
    public required string MessageId { get; init; }

    /// <summary>
    /// The subject of the outcome email of session <paramref name="sessionId"/> on <paramref name="channel"/>, as the
    /// platform wrote them; the sender keeps it one line.
    /// </summary>
    public static string SubjectFor(string channel, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(sessionId);
        return $"Session outcome: {channel} {sessionId}";
    }
}
