namespace Switchboard.Events.Payloads;

/// <summary>What reading a time field found.</summary>
internal enum TimestampReading
{
    Absent,
    Read,
    Unreadable,
}
