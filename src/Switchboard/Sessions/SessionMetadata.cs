using System.Text.Json;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// The session metadata file, <c>ujet-metadata/{call|chat}-{id}.json</c>: one session folded from its journal by
/// <see cref="SessionMetadataBuilder"/>. Serialised in camelCase with <see cref="SessionJsonContext.Files"/>; a value
/// the events do not give is written as null (lists as empty), so every file has the same fields.
/// </summary>
public sealed record SessionMetadata
{
    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session id when the session is a call, else null.</summary>
    public string? CallId { get; init; }

    /// <summary>The session id when the session is a chat, else null.</summary>
    public string? ChatId { get; init; }

    /// <summary>The channel: call, chat, email, task or a platform's own name.</summary>
    public required string Channel { get; init; }

    /// <summary>
    /// The platform's kind of session: CCAI <c>session_type</c> (e.g. "Voice Inbound", "Messaging Inbound (SMS)"),
    /// uContact and Webitel <c>channel</c> as sent, CDR direction (inbound, outbound, internal, both).
    /// </summary>
    public string? SessionType { get; init; }

    /// <summary>The source of the session's first event: ccai, ucontact, webitel, cdr or videsk.</summary>
    public required string Source { get; init; }

    /// <summary>The Switchboard tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>
    /// completed, abandoned or failed: what the ending event says (Webitel <c>cc_result</c>, CDR <c>lost</c>/answer),
    /// else completed when an agent took part and abandoned when none did; null while the session has not ended.
    /// </summary>
    public SessionOutcome? Status { get; init; }

    /// <summary>The queue the session was in last (after any transfer).</summary>
    public EventQueue? Queue { get; init; }

    /// <summary>The campaign, for campaign sessions.</summary>
    public SessionCampaign? Campaign { get; init; }

    /// <summary>When the session started: the platform's start time, else its starting event, else end − duration, else its first event.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the session ended: the platform's end time, else its first ending event; null while open.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The session's length in seconds: the platform's figure (CDR <c>dur</c>, uContact <c>duration</c>, Webitel <c>call_duration</c>), else end − start.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>
    /// Seconds agents spent on it: CDR talk + hold, uContact <c>duration</c>, Webitel <c>call_bill_sec</c>, else from
    /// the first agent joining to the end.
    /// </summary>
    public double? HandleTimeSeconds { get; init; }

    /// <summary>Seconds the customer waited for an agent: CDR <c>ring</c>, else from the start to the first agent joining.</summary>
    public double? WaitTimeSeconds { get; init; }

    /// <summary>Seconds on hold (CDR <c>hold</c>).</summary>
    public double? HoldTimeSeconds { get; init; }

    /// <summary>Why the call was cleared, when the platform says (CDR <c>cause</c>, Webitel <c>call_cause</c>).</summary>
    public string? EndReason { get; init; }

    /// <summary>The agents who took part, in the order they joined.</summary>
    public IReadOnlyList<SessionAgent> Agents { get; init; } = [];

    /// <summary>The customer.</summary>
    public SessionEndUser? EndUser { get; init; }

    /// <summary>Transfers between agents and queues, in order.</summary>
    public IReadOnlyList<SessionTransfer> Transfers { get; init; } = [];

    /// <summary>How many chat messages each side sent.</summary>
    public required SessionMessageCounts Messages { get; init; }

    /// <summary>Screen-sharing sessions, in the order they started.</summary>
    public IReadOnlyList<SessionCobrowse> CobrowseSessions { get; init; } = [];

    /// <summary>Call-redaction events, in order.</summary>
    public IReadOnlyList<SessionRedaction> Redactions { get; init; } = [];

    /// <summary>The agent's wrap-up classification.</summary>
    public SessionDisposition? Disposition { get; init; }

    /// <summary>The customer's rating and feedback.</summary>
    public SessionRating? Rating { get; init; }

    /// <summary>Photos, videos, recordings and voicemails, and where the archive keeps them.</summary>
    public IReadOnlyList<SessionMediaFile> Media { get; init; } = [];

    /// <summary>
    /// Other ids the platform gave the session (Webitel <c>attempt_id</c>, CDR <c>pbxId</c>, CCAI <c>virtual_agent_id</c> …),
    /// by their payload names.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExternalIds { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Data the platform carries for the customer's own use, by payload name and as sent: CCAI
    /// <c>custom_data_secured</c>, <c>custom_data_not_secured</c>, <c>session_variable</c> …; the CDR webhook's
    /// <c>customData</c> pairs; Webitel member and queue variables; uContact and Videsk extra fields.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> CustomData { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Tags applied to the call (CDR <c>tags</c>), as sent.</summary>
    public JsonElement? Tags { get; init; }

    /// <summary>How the file came to be.</summary>
    public required SessionDiagnostics Diagnostics { get; init; }
}
