namespace Switchboard.Crm.Lookup;

/// <summary>Why a session has no lookup URL.</summary>
public enum CrmLookupProblem
{
    /// <summary>It has one.</summary>
    None,

    /// <summary>The tenant has no CRM settings.</summary>
    NoSettings,

    /// <summary>Nothing is journaled for the session.</summary>
    UnknownSession,

    /// <summary>No lookup URL is configured for the session's kind (phone or SDK).</summary>
    NoTemplate,
}
