using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Events;

namespace Switchboard.Crm.Sync;

/// <summary>
/// One run of a session's CRM sync: the tenant's settings, the region of phone numbers without a country code, the
/// lease the run holds, the session's facts, the event the account and record calls are for, and the earliest retry a
/// call of the run waits for.
/// </summary>
internal sealed class CrmSyncRun(CrmSettings settings, string region, CrmSessionLease lease)
{
    public CrmSettings Settings { get; } = settings;

    /// <summary>The tenant's default region, or the host's where the tenant has none.</summary>
    public string Region { get; } = settings.DefaultRegion ?? region;

    public CrmSessionLease Lease { get; } = lease;

    public CrmSessionFacts Facts { get; set; } = null!;

    public CanonicalEvent Start { get; set; } = null!;

    /// <summary>The earliest retry a call of this run waits for.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    public void Wait(DateTimeOffset at) => RetryAt = RetryAt is { } earlier && earlier <= at ? earlier : at;

    /// <summary>The session's variables with the account and record ids known so far; phone numbers in their search form when <paramref name="search"/>.</summary>
    public CrmValues Values(bool search)
    {
        var state = Lease.State;
        return Facts.ToValues(Settings.PhoneFormat, search, Region)
            .Set(CrmVariables.AccountId, state.AccountId, state.AccountIdIsNumber)
            .Set(CrmVariables.RecordId, state.RecordId, state.RecordIdIsNumber);
    }
}
