using Switchboard.Sessions;

namespace Switchboard.Pipeline;

/// <summary>A session's archive is written: which blobs this run wrote, which were already right, and which media failed.</summary>
public sealed record SessionExported
{
    /// <summary>The session's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The session's channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>How many journaled events were exported; 0 when the journal held none and nothing was written.</summary>
    public required int EventCount { get; init; }

    /// <summary>The metadata file's blob name, or null when nothing was exported.</summary>
    public string? MetadataBlob { get; init; }

    /// <summary>Blob names this run wrote or copied, in the order it did.</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>Blob names that already held what this run would have written, so were left alone.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>Media that could not be copied; also listed in the metadata's diagnostics.</summary>
    public IReadOnlyList<MediaCopyFailure> MediaFailures { get; init; } = [];
}
