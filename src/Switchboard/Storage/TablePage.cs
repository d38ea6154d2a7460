namespace Switchboard.Storage;

/// <summary>One page of a table query.</summary>
/// <param name="Items">The entities on this page.</param>
/// <param name="ContinuationToken">Pass back to read the next page; null on the last page.</param>
public sealed record TablePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);
