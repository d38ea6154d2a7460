namespace Switchboard.Events.Ccai;

/// <summary>The file an archive event announces, which decides the fields it must carry.</summary>
internal enum CcaiArchive
{
    /// <summary>Not an archive event.</summary>
    None,

    /// <summary>Media_Uploaded: <c>media_type</c> photo or video, <c>media_id</c>, <c>url</c>.</summary>
    Media,

    /// <summary>Recording_Available and Voicemail_Available: <c>format</c> mp3 or wav, <c>url</c>.</summary>
    Audio,
}
