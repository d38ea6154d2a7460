namespace Switchboard.Api;

/// <summary>A queue's own session-outcome email setting, as the API returns it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Queue">The queue id or name, as saved.</param>
/// <param name="Enabled">The queue's switch.</param>
/// <param name="Address">The queue's recipient; empty when none is set.</param>
/// <param name="UpdatedAt">When it was last saved.</param>
public sealed record EmailQueueSettings(string Tenant, string Queue, bool Enabled, string Address, DateTimeOffset? UpdatedAt);
