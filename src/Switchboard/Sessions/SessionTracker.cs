using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// The session part of ProcessEvent: journals an event of a call, chat or task and tells when the session's export
/// is due — for the event that ends the session, and again for every event that arrives after the end (a late
/// recording, a disposition), so the archive is rewritten with it. Hosts schedule the export; this schedules nothing.
/// </summary>
public sealed partial class SessionTracker(SessionJournal journal, IOptions<ExportOptions> options, ILogger<SessionTracker> logger)
{
    /// <summary>
    /// Journals <paramref name="canonical"/> when it belongs to a session and returns the export now due, or null when
    /// none is (no session, or the session has not ended). A redelivered event is not journaled twice but gets the
    /// same answer, so an export whose scheduling was lost with a crash is scheduled again. Storage failures throw.
    /// </summary>
    public async Task<ExportDue?> TrackAsync(CanonicalEvent canonical, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var journaled = await journal.AppendAsync(canonical, cancellationToken).ConfigureAwait(false);
        if (journaled is null)
        {
            return null;
        }

        var due = ExportDue.After(journaled, options.Value.Delay);
        if (due is not null)
        {
            var late = canonical.Session?.Lifecycle != SessionLifecycle.Ended;
            LogExportDue(logger, canonical.Id, canonical.Type, journaled.Session.PartitionKey, due.DueAt, late, journaled.Appended);
        }

        return due;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ({Type}) of session {Session}: export due at {DueAt} (late event: {Late}, newly journaled: {Appended})")]
    private static partial void LogExportDue(ILogger logger, string eventId, string type, string session, DateTimeOffset dueAt, bool late, bool appended);
}
