using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>One condition on the canonical event's JSON.</summary>
/// <param name="Field">A dot path into the canonical event, with array indexes: <c>data.cdr.dir</c>, <c>data.agents[0].id</c>.</param>
/// <param name="Op">eq, ne, in, contains, startsWith, gt, ge, lt, le or exists.</param>
/// <param name="Value">The value to compare with: an array for <c>in</c>, a boolean (or nothing, meaning true) for <c>exists</c>.</param>
public sealed record TriggerFilter(string Field, string Op, JsonElement? Value = null);
