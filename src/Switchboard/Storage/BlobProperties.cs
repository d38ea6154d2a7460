using Azure;

namespace Switchboard.Storage;

/// <summary>A blob's system properties and metadata.</summary>
/// <param name="ContentLength">The blob's size in bytes.</param>
/// <param name="ContentType">The blob's content type, or null when it has none.</param>
/// <param name="ETag">The blob's ETag.</param>
/// <param name="LastModified">When the blob was last written.</param>
/// <param name="Metadata">The blob's metadata; names compare case-insensitively, as the service treats them.</param>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    ETag ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
