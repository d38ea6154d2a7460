using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// A file an archive event announced — CCAI Media_Uploaded <c>{media_type, media_id, url}</c>, Recording_Available
/// and Voicemail_Available <c>{format, url}</c> — with the archive path it is copied to.
/// </summary>
internal sealed record ArchiveMedia
{
    public required ArchiveMediaKind Kind { get; init; }

    public string? MediaId { get; init; }

    public required string Format { get; init; }

    public required string File { get; init; }

    public required Uri Url { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The content type a copy gets when the server sends none.</summary>
    public string DefaultContentType => Format switch
    {
        "jpg" => "image/jpeg",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        _ => "application/octet-stream",
    };

    /// <summary>The files <paramref name="events"/> announce, one per archive path (a later announcement replaces an earlier one), in announcement order.</summary>
    public static IReadOnlyList<ArchiveMedia> In(SessionKey session, IEnumerable<CanonicalEvent> events)
    {
        var byFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<ArchiveMedia>();
        foreach (var canonical in events)
        {
            if (From(session, canonical) is not { } media)
            {
                continue;
            }

            if (byFile.TryGetValue(media.File, out var index))
            {
                files[index] = media;
            }
            else
            {
                byFile.Add(media.File, files.Count);
                files.Add(media);
            }
        }

        return files;
    }

    /// <summary>The file <paramref name="canonical"/> announces, or null when it is no CCAI archive event (or lacks what the copy needs).</summary>
    public static ArchiveMedia? From(SessionKey session, CanonicalEvent canonical)
    {
        if (!string.Equals(canonical.Source, "ccai", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fields = PayloadValues.CcaiFields(canonical.Data);
        if (fields.TextOf("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        ArchiveMediaKind kind;
        string format;
        string? mediaId = null;
        switch (canonical.Type)
        {
            case "Media_Uploaded":
                var type = fields.TextOf("media_type")?.ToLowerInvariant();
                mediaId = fields.TextOf("media_id");
                if (type is not ("photo" or "video") || mediaId is null)
                {
                    return null;
                }

                kind = type == "photo" ? ArchiveMediaKind.Photo : ArchiveMediaKind.Video;
                format = kind == ArchiveMediaKind.Photo ? "jpg" : "mp4";
                break;
            case "Recording_Available" or "Voicemail_Available":
                format = fields.TextOf("format")?.ToLowerInvariant() ?? string.Empty;
                if (format is not ("mp3" or "wav"))
                {
                    return null;
                }

                kind = canonical.Type == "Recording_Available" ? ArchiveMediaKind.Recording : ArchiveMediaKind.Voicemail;
                break;
            default:
                return null;
        }

        return new ArchiveMedia
        {
            Kind = kind,
            MediaId = mediaId,
            Format = format,
            File = ArchiveLayout.Media(session, kind, mediaId, format),
            Url = uri,
            EventId = canonical.Id,
            At = canonical.OccurredAt,
        };
    }

    /// <summary>The entry of the metadata's media list.</summary>
    public SessionMediaFile ToMetadata(bool archived) => new()
    {
        Kind = Kind,
        Id = MediaId,
        Format = Format,
        File = File,
        At = At,
        EventId = EventId,
        Archived = archived,
    };
}
