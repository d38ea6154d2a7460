namespace Switchboard.Api;

/// <summary>A tenant's global session-outcome email setting, as the API returns it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Enabled">The switch; false when never saved.</param>
/// <param name="Address">The recipient; empty when none is set.</param>
/// <param name="UpdatedAt">When it was last saved; null when it never was.</param>
public sealed record EmailGlobalSettings(string Tenant, bool Enabled, string Address, DateTimeOffset? UpdatedAt);
