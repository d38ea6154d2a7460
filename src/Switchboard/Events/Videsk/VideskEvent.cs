namespace Switchboard.Events.Videsk;

/// <summary>One of Videsk's 26 webhook events: the stable English key Switchboard uses as the event type, the name Videsk shows, and the lifecycle.</summary>
/// <param name="Key">The English key, e.g. <c>queue.abandoned</c>; the canonical event's type.</param>
/// <param name="SpanishName">The name in Videsk's webhook editor, e.g. <c>Fila abandonada</c>.</param>
/// <param name="Lifecycle">What the event does to the session named in the body's <c>session.id</c>.</param>
/// <param name="Outcome">How the session ended, for an ending event.</param>
internal sealed record VideskEvent(string Key, string SpanishName, SessionLifecycle? Lifecycle, SessionOutcome? Outcome = null);
