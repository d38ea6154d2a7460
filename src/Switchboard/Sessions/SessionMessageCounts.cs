namespace Switchboard.Sessions;

/// <summary>How many chat messages the session carried.</summary>
public sealed record SessionMessageCounts
{
    /// <summary>Messages from the customer (CCAI Chat_Inbound_Message).</summary>
    public int Inbound { get; init; }

    /// <summary>Messages from agents (CCAI Chat_Outbound_Message).</summary>
    public int Outbound { get; init; }

    /// <summary>All messages.</summary>
    public int Total => Inbound + Outbound;
}
