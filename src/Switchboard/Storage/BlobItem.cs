using Azure;

namespace Switchboard.Storage;

/// <summary>One blob of a container listing.</summary>
/// <param name="Name">The blob name, with any '/' in it.</param>
/// <param name="ContentLength">The blob's size in bytes.</param>
/// <param name="ContentType">The blob's content type, or null when it has none.</param>
/// <param name="ETag">The blob's ETag.</param>
/// <param name="LastModified">When the blob was last written.</param>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, ETag ETag, DateTimeOffset LastModified);
