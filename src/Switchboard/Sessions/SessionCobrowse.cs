namespace Switchboard.Sessions;

/// <summary>A screen-sharing (cobrowse) session held during the call or chat.</summary>
public sealed record SessionCobrowse
{
    /// <summary>The cobrowse session id (<c>cobrowse_session_id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>When it started (Cobrowse_Session_Started), or null when that event is missing.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended (Cobrowse_Session_Ended), or null while it had not.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Who asked for it: agent or end_user.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Who ended it: agent, end_user or api.</summary>
    public string? EndedBy { get; init; }

    /// <summary>The last remote-control state seen: off, requested, rejected or on.</summary>
    public string? RemoteControl { get; init; }

    /// <summary>The last full-device state seen: off, requested, rejected or on.</summary>
    public string? FullDevice { get; init; }
}
