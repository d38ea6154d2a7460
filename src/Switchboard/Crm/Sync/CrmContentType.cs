namespace Switchboard.Crm.Sync;

/// <summary>The content type an archived file is uploaded with when its blob names none: by extension, for the kinds of file the export writes.</summary>
internal static class CrmContentType
{
    /// <summary>The content type of <paramref name="fileName"/>; <c>application/octet-stream</c> for an extension the archive does not use.</summary>
    public static string Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".txt" => "text/plain; charset=utf-8",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".jpg" => "image/jpeg",
        ".mp4" => "video/mp4",
        _ => "application/octet-stream",
    };
}
