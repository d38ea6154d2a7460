using System.Collections.Frozen;
using System.Text.Json;
using Switchboard.Events.Payloads;

namespace Switchboard.Events;

/// <summary>One row of an adapter's mapping table: the event name's canonical spelling and its session lifecycle.</summary>
internal sealed record EventMapping(string Type, SessionLifecycle? Lifecycle)
{
    /// <summary>
    /// The event a payload names in its required <c>event</c> field: its row in <paramref name="events"/> (null when the
    /// name is not in the table) and its type, the row's spelling or else the name as received.
    /// </summary>
    public static (EventMapping? Mapping, string Type) Read(JsonElement root, FrozenDictionary<string, EventMapping> events)
    {
        var name = root.EventName("event", "");
        var mapping = events.GetValueOrDefault(name);
        return (mapping, mapping?.Type ?? name);
    }
}
