using Azure;

namespace Switchboard.Crm.Sync;

/// <summary>A file of a session found in the archive (<see cref="CrmArchive"/>), as it is to be uploaded to the CRM.</summary>
/// <param name="Name">The file name, without folder (<c>call-103646.mp3</c>).</param>
/// <param name="BlobName">The blob's full name in the archive container.</param>
/// <param name="ETag">The blob's ETag: a re-exported file is another version, uploaded again.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="ContentType">The content type the blob was stored with, if any.</param>
public sealed record CrmArchivedFile(string Name, string BlobName, ETag ETag, long Length, string? ContentType);
