namespace Switchboard.Triggers;

/// <summary>A trigger as stored, with the ETag a later update must present.</summary>
/// <param name="Trigger">The trigger.</param>
/// <param name="ETag">The entity's ETag, quoted as in an HTTP <c>ETag</c> header.</param>
public sealed record StoredTrigger(Trigger Trigger, string ETag);
