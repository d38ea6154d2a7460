namespace Switchboard.Crm.Settings;

/// <summary>A tenant's CRM settings as stored, with the ETag that guards their next update.</summary>
/// <param name="Settings">The settings, secrets in full.</param>
/// <param name="ETag">The row's ETag, as sent in the <c>ETag</c> header.</param>
public sealed record StoredCrmSettings(CrmSettings Settings, string ETag);
