namespace Switchboard.Pipeline;

/// <summary>How a replay request ended.</summary>
public enum ReplayStatus
{
    /// <summary>A new delivery was started and its first attempt made.</summary>
    Replayed,

    /// <summary>The attempt log has no such delivery.</summary>
    NotFound,

    /// <summary>The delivery is not a dead letter (it was delivered or is still retrying).</summary>
    NotDeadLetter,

    /// <summary>The dead letter was replayed before; replay that delivery instead.</summary>
    AlreadyReplayed,

    /// <summary>The work kept with the dead letter is gone.</summary>
    PayloadMissing,
}
