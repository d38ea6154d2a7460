namespace Switchboard.Events;

/// <summary>One row of an adapter's mapping table: the event name's canonical spelling and its session lifecycle.</summary>
internal sealed record EventMapping(string Type, SessionLifecycle? Lifecycle);
