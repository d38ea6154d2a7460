namespace Switchboard.Sessions;

/// <summary>A media file, recording or voicemail of the session, and where the archive keeps it.</summary>
public sealed record SessionMediaFile
{
    /// <summary>What the file is.</summary>
    public required ArchiveMediaKind Kind { get; init; }

    /// <summary>The platform's media id (<c>media_id</c>); null for recordings and voicemails.</summary>
    public string? Id { get; init; }

    /// <summary>The file's format: jpg, mp4, mp3 or wav.</summary>
    public required string Format { get; init; }

    /// <summary>The file's path in the archive, relative to the folder path (e.g. <c>ujet-voice-recordings/call-103646.mp3</c>).</summary>
    public required string File { get; init; }

    /// <summary>When the event announcing the file occurred.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The event that announced it (Media_Uploaded, Recording_Available, Voicemail_Available).</summary>
    public required string EventId { get; init; }

    /// <summary>True when the file is in the archive; false when copying it failed (see the diagnostics).</summary>
    public bool Archived { get; init; } = true;
}
