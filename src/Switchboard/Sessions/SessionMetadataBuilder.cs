using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Folds a session's journaled events into its metadata file (<see cref="SessionMetadata"/>): ids, channel, session
/// type, source, tenant, status, queue, campaign, start, end, duration, handle, wait and hold time, agents and when
/// each joined, end user, transfers, message counts, cobrowse sessions, redactions, disposition, rating, media,
/// external ids, custom data, tags and diagnostics. Works for CCAI calls and chats, uContact interactions, Webitel
/// members, CDR calls and Videsk sessions. Pure: the same events, failures and clock give the same metadata.
/// </summary>
public sealed class SessionMetadataBuilder(TimeProvider time)
{
    /// <summary>
    /// The metadata of <paramref name="session"/> from its <paramref name="events"/> (any order; they are folded in
    /// occurrence order, ties by id), with <paramref name="mediaFailures"/> — files the export could not copy —
    /// marked in the media list and listed in the diagnostics. Generated at the clock's now.
    /// </summary>
    public SessionMetadata Build(SessionKey session, IEnumerable<CanonicalEvent> events, IReadOnlyList<MediaCopyFailure>? mediaFailures = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.OccurredAt.UtcTicks).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var fold = new SessionFold(session);
        foreach (var canonical in ordered)
        {
            fold.Add(canonical);
        }

        return fold.ToMetadata(ArchiveMedia.In(session, ordered), mediaFailures ?? [], time.GetUtcNow());
    }
}
