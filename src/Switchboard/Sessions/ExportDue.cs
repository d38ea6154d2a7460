using Switchboard.Pipeline;

namespace Switchboard.Sessions;

/// <summary>
/// A session's export is due: run <see cref="ExportSession"/> for it at <see cref="DueAt"/> (the session's end plus
/// <see cref="ExportOptions.Delay"/>). A due time already past means now: a late event re-exports at once. Hosts may
/// be told the same session more than once; exports are idempotent, so running one twice is harmless.
/// </summary>
public sealed record ExportDue
{
    /// <summary>The session's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The session's channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>When the export should run.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>
    /// The export due for what <paramref name="journaled"/> found: at its session's end plus <paramref name="delay"/>,
    /// or null while the session has not ended.
    /// </summary>
    public static ExportDue? After(SessionJournaled journaled, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(journaled);
        return journaled.EndedAt is { } endedAt
            ? new ExportDue
            {
                Tenant = journaled.Session.Tenant,
                Channel = journaled.Session.Channel,
                SessionId = journaled.Session.SessionId,
                DueAt = endedAt + delay,
            }
            : null;
    }

    /// <summary>The job to run when the time comes.</summary>
    public ExportJob ToJob() => new() { Tenant = Tenant, Channel = Channel, SessionId = SessionId };
}
