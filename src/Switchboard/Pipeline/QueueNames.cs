namespace Switchboard.Pipeline;

/// <summary>The queues and containers the pipeline works through, the same in both hosts.</summary>
public static class QueueNames
{
    /// <summary>Accepted events, one message each (the Functions queue trigger's queue).</summary>
    public const string Events = "switchboard-events";

    /// <summary>Delayed work of the portable host: delivery retries and session exports.</summary>
    public const string Jobs = "switchboard-jobs";

    /// <summary>Where bodies too large for a queue message wait, referenced from the message.</summary>
    public const string ClaimContainer = "switchboard-claims";

    /// <summary>The poison queue of a queue, named as the Functions host names it.</summary>
    public static string Poison(string queue) => queue + "-poison";
}
