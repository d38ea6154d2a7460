using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>A page of triggers as the API returns it.</summary>
/// <param name="Items">The triggers, secrets masked.</param>
/// <param name="Continuation">Pass as <c>?continuation=</c> for the next page; null on the last.</param>
public sealed record TriggerList(IReadOnlyList<Trigger> Items, string? Continuation);
