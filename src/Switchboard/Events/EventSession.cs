using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>The session (call, chat, task) an event belongs to and what the event does to it.</summary>
public sealed record EventSession
{
    /// <summary>The platform's session id (call id, chat id, interaction guid …), numbers in their literal text.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>One of the <see cref="SessionChannels"/> values, or the platform's own channel name in lower case.</summary>
    [JsonPropertyName("channel")]
    public required string Channel { get; init; }

    /// <summary>Whether the event starts, updates or ends the session; null for event names the adapter does not know.</summary>
    [JsonPropertyName("lifecycle")]
    public SessionLifecycle? Lifecycle { get; init; }

    /// <summary>How an ending session ended, when the platform says; omitted from JSON when unknown.</summary>
    [JsonPropertyName("outcome")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SessionOutcome? Outcome { get; init; }

    /// <summary>
    /// The session an event names, or null when it names none. An event that starts or ends a session must
    /// name it: without an id there is nothing to open or close, so that is a missing field.
    /// </summary>
    internal static EventSession? For(string? id, string channel, SessionLifecycle? lifecycle, string type, string idPointer, SessionOutcome? outcome = null)
    {
        if (id is null)
        {
            return lifecycle is SessionLifecycle.Started or SessionLifecycle.Ended
                ? throw new EventParseException(EventParseProblem.MissingField, idPointer, $"{type} {(lifecycle == SessionLifecycle.Started ? "starts" : "ends")} a session, so it must carry the session id")
                : null;
        }

        return new EventSession { Id = id, Channel = channel, Lifecycle = lifecycle, Outcome = outcome };
    }
}
