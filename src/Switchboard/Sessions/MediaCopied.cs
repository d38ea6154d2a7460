namespace Switchboard.Sessions;

/// <summary>What copying one media file did: copied it, found it already archived, or failed (and why).</summary>
public sealed record MediaCopied
{
    /// <summary>True when the archive already held the file, so nothing was fetched.</summary>
    public bool AlreadyArchived { get; init; }

    /// <summary>How many bytes were copied; null when nothing was.</summary>
    public long? Bytes { get; init; }

    /// <summary>The content type the copy was stored with (the server's, else the default for the file's format).</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Why the copy failed — <c>blocked</c>, <c>status</c>, <c>too-large</c>, <c>timeout</c> or <c>connection</c> — or
    /// null when it did not.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>What went wrong, for people; null on success.</summary>
    public string? Message { get; init; }

    /// <summary>The HTTP status the source answered, when it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the file is in the archive now.</summary>
    public bool Succeeded => Error is null;

    internal static MediaCopied Failure(string error, string message, int? statusCode = null) =>
        new() { Error = error, Message = message, StatusCode = statusCode };
}
