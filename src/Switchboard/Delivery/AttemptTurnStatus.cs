namespace Switchboard.Delivery;

/// <summary>Where a series stands when a run comes to it.</summary>
public enum AttemptTurnStatus
{
    /// <summary>The attempt is to be made now.</summary>
    Due,

    /// <summary>The log records the attempt already, or the delivery is delivered or failed for good; nothing is sent.</summary>
    Recorded,

    /// <summary>The last attempt asked for a retry that is not due yet; nothing is sent.</summary>
    Waiting,
}
