namespace Switchboard.Pipeline;

/// <summary>An event durably queued: the 202 body of <c>POST /api/events/{source}</c>.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Source">The source it was posted to.</param>
/// <param name="Type">The event type the adapter read.</param>
public sealed record EventAccepted(string Id, string Source, string Type);
