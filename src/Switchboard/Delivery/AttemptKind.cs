using System.Text.Json.Serialization;

namespace Switchboard.Delivery;

/// <summary>What an attempt in the log was: a webhook of a trigger, a CRM call, or an outcome email.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttemptKind>))]
public enum AttemptKind
{
    /// <summary>A trigger's outbound webhook; the target is the trigger id.</summary>
    [JsonStringEnumMemberName("webhook")]
    Webhook,

    /// <summary>A call of a session's CRM sync; the target is the operation (<c>create-account</c>, <c>comment-end</c> …).</summary>
    [JsonStringEnumMemberName("crm")]
    Crm,

    /// <summary>A session's outcome email; the target is <c>session-outcome</c>.</summary>
    [JsonStringEnumMemberName("email")]
    Email,
}
