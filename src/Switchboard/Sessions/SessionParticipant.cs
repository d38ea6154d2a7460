namespace Switchboard.Sessions;

/// <summary>An agent as a transfer names them.</summary>
public sealed record SessionParticipant
{
    /// <summary>The platform's agent id.</summary>
    public string? Id { get; init; }

    /// <summary>The agent's custom id, when the profile has one.</summary>
    public string? CustomId { get; init; }

    /// <summary>The agent's e-mail address.</summary>
    public string? Email { get; init; }
}
