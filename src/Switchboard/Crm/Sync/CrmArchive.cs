using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Crm.Sync;

/// <summary>
/// A session's files in the archive the export writes (<see cref="ExportOptions.Container"/>, under
/// <see cref="ExportOptions.FolderPath"/>), as the CRM sync reads them once the session is exported: whether it is
/// archived, which of the files an upload endpoint asks for are there, and their content.
/// </summary>
public sealed class CrmArchive(BlobServiceClient blobs, IOptions<ExportOptions> export, IOptions<CrmOptions> options)
{
    /// <summary>The version (ETag) of the session's metadata file, or null when the session is not archived (yet).</summary>
    public async Task<ETag?> MetadataVersionAsync(SessionKey session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var metadata = await PropertiesAsync(Blob(session.Tenant, ArchiveLayout.Metadata(session)), cancellationToken).ConfigureAwait(false);
        return metadata?.ETag;
    }

    /// <summary>
    /// The archived files of <paramref name="kinds"/> (<see cref="CrmUploadEndpoint.Files"/>) of the session whose
    /// journal is <paramref name="events"/>, kind by kind in the order given; a file the archive does not hold is left
    /// out. Each is looked up when the enumeration comes to it.
    /// </summary>
    public async IAsyncEnumerable<CrmArchivedFile> FilesAsync(
        SessionKey session, IReadOnlyList<CanonicalEvent> events, IReadOnlyList<string> kinds, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var relative in Paths(session, events, kinds))
        {
            var blob = Blob(session.Tenant, relative);
            if (await PropertiesAsync(blob, cancellationToken).ConfigureAwait(false) is { } properties)
            {
                yield return new CrmArchivedFile(relative[(relative.LastIndexOf('/') + 1)..], blob.Name, properties.ETag, properties.ContentLength, properties.ContentType);
            }
        }
    }

    /// <summary>
    /// The content of <paramref name="file"/>, typed by its blob or else by its extension (<see cref="CrmContentType"/>).
    /// Throws <see cref="InvalidDataException"/> when it is larger than <see cref="CrmOptions.MaxUploadBytes"/>.
    /// </summary>
    public async Task<CrmFile> LoadAsync(CrmArchivedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var max = options.Value.MaxUploadBytes;
        if (file.Length > max)
        {
            throw new InvalidDataException($"{file.Name} is {file.Length} bytes; Crm:MaxUploadBytes allows {max}.");
        }

        var download = await Container().GetBlobClient(file.BlobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return new CrmFile(file.Name, file.ContentType ?? CrmContentType.Of(file.Name), download.Value.Content.ToMemory());
    }

    /// <summary>The archive paths (relative to the folder path) of the kinds of files, in the order given.</summary>
    private static IEnumerable<string> Paths(SessionKey session, IReadOnlyList<CanonicalEvent> events, IReadOnlyList<string> kinds)
    {
        var media = ArchiveMedia.In(session, events);
        foreach (var kind in kinds)
        {
            var files = kind switch
            {
                CrmUploadEndpoint.Metadata => [ArchiveLayout.Metadata(session)],
                CrmUploadEndpoint.Transcripts when session.Channel == SessionChannels.Chat => [ArchiveLayout.Transcript(session)],
                CrmUploadEndpoint.Recordings => media.Where(m => m.Kind == ArchiveMediaKind.Recording).Select(m => m.File),
                CrmUploadEndpoint.Voicemails => media.Where(m => m.Kind == ArchiveMediaKind.Voicemail).Select(m => m.File),
                CrmUploadEndpoint.Photos => media.Where(m => m.Kind == ArchiveMediaKind.Photo).Select(m => m.File),
                CrmUploadEndpoint.Videos => media.Where(m => m.Kind == ArchiveMediaKind.Video).Select(m => m.File),
                _ => [],
            };
            foreach (var file in files)
            {
                yield return file;
            }
        }
    }

    private BlobContainerClient Container() => blobs.GetBlobContainerClient(export.Value.Container);

    private BlobClient Blob(string tenant, string relative) =>
        Container().GetBlobClient(ArchiveLayout.Resolve(export.Value.FolderPath, tenant, relative));

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            return null;
        }
    }
}
