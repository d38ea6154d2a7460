using Azure;

namespace Switchboard.Storage;

/// <summary>A blob as an upload left it.</summary>
/// <param name="ETag">The blob's new ETag.</param>
/// <param name="LastModified">When the upload was committed.</param>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);
