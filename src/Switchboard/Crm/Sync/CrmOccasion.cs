namespace Switchboard.Crm.Sync;

/// <summary>What a comment on the record is about ("CRM personalizzato", "Endpoint commento").</summary>
public enum CrmOccasion
{
    /// <summary>The call or chat started.</summary>
    Start,

    /// <summary>The session was transferred to another agent or queue.</summary>
    Transfer,

    /// <summary>The agent set a disposition code and notes.</summary>
    Disposition,

    /// <summary>The customer left a CSAT rating and feedback.</summary>
    Rating,

    /// <summary>The call or chat ended.</summary>
    End,

    /// <summary>A file was uploaded to the record.</summary>
    Upload,
}
