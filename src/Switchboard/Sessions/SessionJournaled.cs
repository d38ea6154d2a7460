namespace Switchboard.Sessions;

/// <summary>An event is in its session's journal: what appending it found.</summary>
public sealed record SessionJournaled
{
    /// <summary>The session the event belongs to.</summary>
    public required SessionKey Session { get; init; }

    /// <summary>The event's id.</summary>
    public required string EventId { get; init; }

    /// <summary>True when this call wrote the event; false when it was journaled before (a redelivered message).</summary>
    public required bool Appended { get; init; }

    /// <summary>
    /// When the session ended, as far as the journal knows once the event is in it: the time of the ending event
    /// journaled last, or null while no ending event is journaled.
    /// </summary>
    public DateTimeOffset? EndedAt { get; init; }
}
