namespace Switchboard.Storage;

/// <summary>A received message's lease after an update.</summary>
/// <param name="PopReceipt">The new pop receipt; the one used for the update no longer works.</param>
/// <param name="NextVisibleOn">When the message becomes visible to receivers again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
