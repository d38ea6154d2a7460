using System.Text.Json;
using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>
/// The "upload a file" endpoint ("CRM personalizzato", "Caricare un endpoint file"): which archived files are uploaded
/// after the session's export, whether as base64 in the JSON body (<c>{FILE_DATA}</c> holds the base64) or as a
/// multipart form (the parameter whose value is <c>{FILE_DATA}</c> becomes the file part), how the response names the
/// attachment, and whether each upload also leaves a comment.
/// </summary>
public sealed record CrmUploadEndpoint : CrmEndpoint
{
    /// <summary>The file travels base64-encoded in the JSON body.</summary>
    public const string Base64 = "base64";

    /// <summary>The file travels as a part of a multipart/form-data body.</summary>
    public const string Multipart = "multipart";

    /// <summary>The response locates an attachment id, turned into a URL by <see cref="AttachmentUrlBuilder"/>.</summary>
    public const string AttachmentId = "id";

    /// <summary>The response locates the attachment's download URL.</summary>
    public const string AttachmentUrl = "url";

    /// <summary>Call recordings (<c>ujet-voice-recordings</c>).</summary>
    public const string Recordings = "recordings";

    /// <summary>Chat transcripts (<c>ujet-chat-transcripts</c>).</summary>
    public const string Transcripts = "transcripts";

    /// <summary>Voicemails (<c>ujet-voicemails</c>).</summary>
    public const string Voicemails = "voicemails";

    /// <summary>Photos the customer uploaded (<c>ujet-media</c>).</summary>
    public const string Photos = "photos";

    /// <summary>Videos the customer uploaded (<c>ujet-media</c>).</summary>
    public const string Videos = "videos";

    /// <summary>The session metadata file (<c>ujet-metadata</c>).</summary>
    public const string Metadata = "metadata";

    /// <summary>Every kind of file that can be uploaded.</summary>
    public static readonly IReadOnlyList<string> FileKinds = [Recordings, Transcripts, Voicemails, Photos, Videos, Metadata];

    /// <summary>base64 (the default) or multipart.</summary>
    public string UploadType { get; init; } = Base64;

    /// <summary>The kinds of archived files to upload: recordings, transcripts, voicemails, photos, videos, metadata.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>id (the default) or url: what the response tells about the uploaded attachment.</summary>
    public string AttachmentType { get; init; } = AttachmentId;

    /// <summary>For id: where the attachment id is in the JSON response (dot path); it becomes <c>{ATTACHMENT_ID}</c>.</summary>
    public string? AttachmentIdLocation { get; init; }

    /// <summary>
    /// For id: the attachment's download URL with <c>{RECORD_ID}</c> and <c>{ATTACHMENT_ID}</c>
    /// (<c>https://www.example.com/Accounts/{RECORD_ID}/Attachments/{ATTACHMENT_ID}</c>).
    /// </summary>
    public string? AttachmentUrlBuilder { get; init; }

    /// <summary>For url: where the download URL is in the JSON response (dot path).</summary>
    public string? AttachmentUrlLocation { get; init; }

    /// <summary>Whether each upload also leaves a comment on the record (through the comment endpoint, in its text format).</summary>
    public bool AddComment { get; init; }

    /// <summary>
    /// The uploaded attachment's URL in the upload's JSON <paramref name="response"/>: found at
    /// <see cref="AttachmentUrlLocation"/>, or built by <see cref="AttachmentUrlBuilder"/> from <paramref name="values"/>
    /// and the attachment id at <see cref="AttachmentIdLocation"/> (else the id of the object at
    /// <see cref="CrmEndpoint.ResponseDataLocation"/>). Null when the response does not tell.
    /// </summary>
    public string? FindAttachmentUrl(JsonElement response, CrmValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (AttachmentType == AttachmentUrl)
        {
            return CrmDataLocation.Parse(AttachmentUrlLocation)?.FindText(response) is { } url ? WireText.UrlText(url) : null;
        }

        var id = AttachmentIdLocation is { } location
            ? CrmDataLocation.Parse(location)?.FindText(response)
            : CrmDataLocation.Parse(ResponseDataLocation)?.FindId(response)?.Id;
        return id is not null && AttachmentUrlBuilder is { } template
            ? CrmTemplate.RenderUrl(template, values.Copy().Set(CrmVariables.AttachmentId, id))
            : null;
    }
}
