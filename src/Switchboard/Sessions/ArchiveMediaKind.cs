using System.Text.Json.Serialization;

namespace Switchboard.Sessions;

/// <summary>What an archived media file is, which decides its folder and name; serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArchiveMediaKind>))]
public enum ArchiveMediaKind
{
    /// <summary>A photo the customer uploaded: <c>ujet-media/{call|chat}-{id}-photo-{media_id}.jpg</c>.</summary>
    [JsonStringEnumMemberName("photo")]
    Photo,

    /// <summary>A video the customer uploaded: <c>ujet-media/{call|chat}-{id}-video-{media_id}.mp4</c>.</summary>
    [JsonStringEnumMemberName("video")]
    Video,

    /// <summary>The call recording: <c>ujet-voice-recordings/call-{id}.{mp3|wav}</c>.</summary>
    [JsonStringEnumMemberName("recording")]
    Recording,

    /// <summary>A voicemail: <c>ujet-voicemails/call-{id}.{mp3|wav}</c>.</summary>
    [JsonStringEnumMemberName("voicemail")]
    Voicemail,
}
