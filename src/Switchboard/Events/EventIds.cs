namespace Switchboard.Events;

/// <summary>Creates event ids.</summary>
public static class EventIds
{
    /// <summary>
    /// A new id, <c>evt_</c> followed by a version-7 GUID in 32 hex digits: unique, and ordered by
    /// <paramref name="receivedAt"/> so ids sort roughly by arrival.
    /// </summary>
    public static string New(DateTimeOffset receivedAt) => "evt_" + Guid.CreateVersion7(receivedAt).ToString("N");
}
