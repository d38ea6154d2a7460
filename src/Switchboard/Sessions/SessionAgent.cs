namespace Switchboard.Sessions;

/// <summary>An agent who took part in a session.</summary>
public sealed record SessionAgent
{
    /// <summary>The platform's agent id or user name.</summary>
    public string? Id { get; init; }

    /// <summary>The agent's custom id (CCAI <c>agent_custom_id</c>), when the profile has one.</summary>
    public string? CustomId { get; init; }

    /// <summary>The agent's e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The agent's display name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// When the agent joined: the first event naming them as the acting agent, or for summary events the platform's
    /// own figures (CDR answer time, uContact end − duration, Webitel end − call_bill_sec); null when unknown.
    /// </summary>
    public DateTimeOffset? JoinedAt { get; init; }
}
