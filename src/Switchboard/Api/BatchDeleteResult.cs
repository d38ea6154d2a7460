namespace Switchboard.Api;

/// <summary>What a batch delete did.</summary>
/// <param name="Deleted">Ids that existed and are gone.</param>
/// <param name="NotFound">Ids that did not exist.</param>
public sealed record BatchDeleteResult(IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound);
