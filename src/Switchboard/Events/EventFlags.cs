namespace Switchboard.Events;

/// <summary>Values of <see cref="CanonicalEvent.Flags"/>: what an adapter worked around instead of rejecting the event.</summary>
public static class EventFlags
{
    /// <summary>
    /// The payload's time could not be read (uContact sends impossible dates such as 2023-48-13), so
    /// <see cref="CanonicalEvent.OccurredAt"/> is the receive time.
    /// </summary>
    public const string DateUnparseable = "date-unparseable";

    /// <summary>
    /// The payload carries no event name and the adapter named it from its shape (the CCAI call-redaction
    /// body <c>{agent_id, call_id}</c> posted without <c>?type=</c>).
    /// </summary>
    public const string TypeInferred = "type-inferred";
}
