using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>How a session ended, as far as the ending event tells; serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionOutcome>))]
public enum SessionOutcome
{
    /// <summary>The customer was served.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The customer left, or the call was lost, before being served.</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,

    /// <summary>The platform ended the session for another reason.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
