namespace Switchboard.Email;

/// <summary>One page of a tenant's queue email settings, ordered by queue.</summary>
/// <param name="Items">The settings on this page.</param>
/// <param name="Continuation">Pass back to read the next page; null on the last page.</param>
public sealed record QueueEmailSettingPage(IReadOnlyList<QueueEmailSetting> Items, string? Continuation);
