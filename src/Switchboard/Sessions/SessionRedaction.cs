namespace Switchboard.Sessions;

/// <summary>A call-redaction event: recording paused or resumed so sensitive data stays out of it.</summary>
public sealed record SessionRedaction
{
    /// <summary>
    /// started (Call_Redaction_Started), stopped (Call_Redaction_Stopped), or unknown (the bare redaction body posted
    /// without <c>?type=</c>).
    /// </summary>
    public required string Action { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The agent who redacted.</summary>
    public string? AgentId { get; init; }
}
