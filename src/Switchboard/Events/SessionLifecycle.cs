using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>What an event does to its session; serialised as the lower-case member name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionLifecycle>))]
public enum SessionLifecycle
{
    /// <summary>The event opens the session (a call answered, a customer joining a queue).</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>The event happens during, or after, the session without ending it.</summary>
    [JsonStringEnumMemberName("updated")]
    Updated,

    /// <summary>The event closes the session; the session export is scheduled from it.</summary>
    [JsonStringEnumMemberName("ended")]
    Ended,
}
