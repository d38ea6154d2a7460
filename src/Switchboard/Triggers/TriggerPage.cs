namespace Switchboard.Triggers;

/// <summary>One page of a tenant's triggers.</summary>
/// <param name="Items">The triggers on this page.</param>
/// <param name="Continuation">Pass back as <c>continuation</c> for the next page; null on the last.</param>
public sealed record TriggerPage(IReadOnlyList<Trigger> Items, string? Continuation);
