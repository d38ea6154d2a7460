using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>One transfer of the session between agents or queues.</summary>
public sealed record SessionTransfer
{
    /// <summary>When the transfer happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The agent the session was transferred from.</summary>
    public SessionParticipant? FromAgent { get; init; }

    /// <summary>The agent the session was transferred to.</summary>
    public SessionParticipant? ToAgent { get; init; }

    /// <summary>The queue the session was transferred from.</summary>
    public EventQueue? FromQueue { get; init; }

    /// <summary>The queue the session was transferred to.</summary>
    public EventQueue? ToQueue { get; init; }
}
