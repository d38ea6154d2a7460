namespace Switchboard.Storage;

/// <summary>Times to live for queue messages.</summary>
public static class QueueTimeToLive
{
    /// <summary>
    /// A message that never expires, as the queue service spells it (-1 s). Accepted events and scheduled work use it:
    /// the service's default of 7 days would drop them if no worker ran for a week.
    /// </summary>
    public static readonly TimeSpan Never = TimeSpan.FromSeconds(-1);
}
