using System.Text.Json.Serialization;

namespace Switchboard.Delivery;

/// <summary>Where a delivery stands after an attempt; serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    /// <summary>The receiver answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>The attempt failed and another is due at the decision's time.</summary>
    [JsonStringEnumMemberName("retrying")]
    Retrying,

    /// <summary>The last attempt failed and no other follows: a dead letter, listed and replayable.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
