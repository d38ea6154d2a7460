namespace Switchboard.Api;

/// <summary>One file of the session archive.</summary>
/// <param name="Path">The blob name, folder included (e.g. <c>ujet-metadata/call-103646.json</c>).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record ArchivedFile(string Path, long Size, string? ContentType, DateTimeOffset LastModified);
