namespace Switchboard.Sessions;

/// <summary>How the metadata file came to be: what was folded, when, and what could not be archived.</summary>
public sealed record SessionDiagnostics
{
    /// <summary>How many journaled events were folded.</summary>
    public required int EventsSeen { get; init; }

    /// <summary>How many events of each type were folded, by type name in ordinal order.</summary>
    public required IReadOnlyDictionary<string, int> EventTypes { get; init; }

    /// <summary>When the earliest event occurred.</summary>
    public DateTimeOffset? FirstEventAt { get; init; }

    /// <summary>When the latest event occurred.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>
    /// When the file was generated. A re-export that finds nothing new keeps the file, and with it this time.
    /// </summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>What the adapters worked around in these events (<c>date-unparseable</c>, <c>type-inferred</c>), each once.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Media files that could not be copied, and why.</summary>
    public IReadOnlyList<MediaCopyFailure> MediaCopyFailures { get; init; } = [];
}
