namespace Switchboard.Api;

/// <summary>The body of <c>POST /api/triggers/batch-delete</c>.</summary>
/// <param name="Ids">The trigger ids to delete (at most 1000).</param>
public sealed record BatchDeleteRequest(IReadOnlyList<string> Ids);
