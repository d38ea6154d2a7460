namespace Switchboard.Events.Ccai;

/// <summary>One row of the CCAI mapping table.</summary>
/// <param name="Type">The event name's canonical spelling.</param>
/// <param name="Lifecycle">What the event does to its session.</param>
/// <param name="Key">The field naming the session.</param>
/// <param name="SessionRequired">Whether a body without that field is rejected (starts, ends and archive events).</param>
/// <param name="Archive">The archive fields the event must carry, for the session export to copy the file.</param>
internal sealed record CcaiEvent(string Type, SessionLifecycle? Lifecycle, CcaiSessionKey Key, bool SessionRequired = false, CcaiArchive Archive = CcaiArchive.None);
