namespace Switchboard.Sessions;

/// <summary>A media file the export could not copy; the export itself still succeeds.</summary>
public sealed record MediaCopyFailure
{
    /// <summary>The archive path the file would have had, relative to the folder path.</summary>
    public required string File { get; init; }

    /// <summary>The event whose <c>url</c> was copied.</summary>
    public required string EventId { get; init; }

    /// <summary>
    /// What went wrong: <c>blocked</c> (the network guard or the URL's scheme), <c>status</c> (the server answered
    /// other than 2xx), <c>too-large</c> (over Export:MaxMediaBytes), <c>timeout</c> or <c>connection</c>.
    /// </summary>
    public required string Error { get; init; }

    /// <summary>A sentence for people.</summary>
    public required string Message { get; init; }

    /// <summary>The HTTP status the server answered, when it answered.</summary>
    public int? StatusCode { get; init; }
}
