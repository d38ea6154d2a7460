namespace Switchboard.Api;

/// <summary>One page of a tenant's queue email settings.</summary>
/// <param name="Items">The settings on this page, ordered by queue.</param>
/// <param name="Continuation">Pass as <c>?continuation=</c> for the next page; null on the last page.</param>
public sealed record EmailQueueSettingsList(IReadOnlyList<EmailQueueSettings> Items, string? Continuation);
