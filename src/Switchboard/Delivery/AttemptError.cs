using System.Text.Json.Serialization;

namespace Switchboard.Delivery;

/// <summary>Why an attempt got no usable HTTP response; serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttemptError>))]
public enum AttemptError
{
    /// <summary>The receiver answered; its status code says how it went.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>No complete answer within the trigger's timeout. Retried by every policy but none.</summary>
    [JsonStringEnumMemberName("timeout")]
    Timeout,

    /// <summary>DNS failed, the connection was refused or reset, or TLS failed. Retried by every policy but none.</summary>
    [JsonStringEnumMemberName("connection")]
    Connection,

    /// <summary>The network guard refused the destination (private, loopback, metadata … or plain http). Never retried.</summary>
    [JsonStringEnumMemberName("blocked")]
    Blocked,

    /// <summary>A redirect to another origin (scheme, host or port), or too many redirects. Never retried.</summary>
    [JsonStringEnumMemberName("redirect")]
    Redirect,

    /// <summary>The request could not be built (a template failed, the rendered URL is not valid). Never retried.</summary>
    [JsonStringEnumMemberName("request")]
    Request,

    /// <summary>The trigger was deleted or disabled before the attempt. Never retried.</summary>
    [JsonStringEnumMemberName("trigger")]
    Trigger,
}
