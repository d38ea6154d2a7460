using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>The agent an event concerns. Any part may be null: platforms name agents differently.</summary>
public sealed record EventAgent
{
    /// <summary>The platform's agent id or user name, numbers in their literal text.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The agent's e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The agent's display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>An agent from whatever parts the payload has, or null when it has none.</summary>
    internal static EventAgent? From(string? id, string? email, string? name) =>
        id is null && email is null && name is null ? null : new EventAgent { Id = id, Email = email, Name = name };
}
