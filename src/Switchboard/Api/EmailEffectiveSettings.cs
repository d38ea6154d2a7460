using Switchboard.Email;

namespace Switchboard.Api;

/// <summary>Where the outcome email of a completed session in a queue goes under the current settings.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Queue">The queue asked about; null for sessions in no queue.</param>
/// <param name="Sends">True when an email is sent.</param>
/// <param name="Address">The recipient; null when nothing is sent.</param>
/// <param name="Case">The row of the inheritance table that decided.</param>
public sealed record EmailEffectiveSettings(string Tenant, string? Queue, bool Sends, string? Address, EmailInheritanceCase Case);
