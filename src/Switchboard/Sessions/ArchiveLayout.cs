namespace Switchboard.Sessions;

/// <summary>
/// The UJET external-storage layout: five folders under the folder path, files named after the session
/// (<see cref="SessionKey.FileStem"/>, e.g. <c>call-103646</c>). Paths here are relative to the folder path; <see cref="Resolve"/>
/// puts them under it.
/// </summary>
public static class ArchiveLayout
{
    /// <summary>Session metadata files.</summary>
    public const string MetadataFolder = "ujet-metadata";

    /// <summary>Chat transcripts.</summary>
    public const string TranscriptFolder = "ujet-chat-transcripts";

    /// <summary>Photos and videos customers uploaded.</summary>
    public const string MediaFolder = "ujet-media";

    /// <summary>Call recordings.</summary>
    public const string RecordingFolder = "ujet-voice-recordings";

    /// <summary>Voicemails.</summary>
    public const string VoicemailFolder = "ujet-voicemails";

    private const int MaxMediaIdLength = 200;

    /// <summary><c>ujet-metadata/{call|chat}-{id}.json</c>.</summary>
    public static string Metadata(SessionKey session) => $"{MetadataFolder}/{Stem(session)}.json";

    /// <summary><c>ujet-chat-transcripts/chat-{id}.txt</c>.</summary>
    public static string Transcript(SessionKey session) => $"{TranscriptFolder}/{Stem(session)}.txt";

    /// <summary>
    /// Where a media file goes: <c>ujet-media/{stem}-photo-{mediaId}.jpg</c> or <c>-video-{mediaId}.mp4</c>,
    /// <c>ujet-voice-recordings/{stem}.{format}</c>, <c>ujet-voicemails/{stem}.{format}</c>. The media id comes from
    /// event data, so it is percent-encoded like the session id and kept to 200 characters the same way;
    /// <paramref name="format"/> is the file extension.
    /// </summary>
    public static string Media(SessionKey session, ArchiveMediaKind kind, string? mediaId, string format) => kind switch
    {
        ArchiveMediaKind.Photo or ArchiveMediaKind.Video =>
            $"{MediaFolder}/{Stem(session)}-{(kind == ArchiveMediaKind.Photo ? "photo" : "video")}-{SessionKey.Bounded(Uri.EscapeDataString(mediaId ?? string.Empty), MaxMediaIdLength)}.{format}",
        ArchiveMediaKind.Recording => $"{RecordingFolder}/{Stem(session)}.{format}",
        ArchiveMediaKind.Voicemail => $"{VoicemailFolder}/{Stem(session)}.{format}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown media kind."),
    };

    /// <summary>
    /// The blob name of <paramref name="relativePath"/> under <paramref name="folderPath"/> (Export:FolderPath), with
    /// <c>{tenant}</c> in the folder path replaced by the tenant (percent-encoded) and surrounding slashes dropped.
    /// </summary>
    public static string Resolve(string? folderPath, string tenant, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var folder = (folderPath ?? string.Empty)
            .Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.OrdinalIgnoreCase)
            .Replace('\\', '/')
            .Trim('/');
        return folder.Length == 0 ? relativePath : $"{folder}/{relativePath}";
    }

    private static string Stem(SessionKey session) => session.FileStem;
}
