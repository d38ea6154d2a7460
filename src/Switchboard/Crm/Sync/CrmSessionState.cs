namespace Switchboard.Crm.Sync;

/// <summary>What the CRM sync has learnt about one session: its account and record, and what it has done with them.</summary>
public sealed record CrmSessionState
{
    /// <summary>The account id the find or create account endpoint returned.</summary>
    public string? AccountId { get; init; }

    /// <summary>Whether the CRM returned the account id as a JSON number.</summary>
    public bool AccountIdIsNumber { get; init; }

    /// <summary>The record id the find or create record endpoint returned.</summary>
    public string? RecordId { get; init; }

    /// <summary>Whether the CRM returned the record id as a JSON number.</summary>
    public bool RecordIdIsNumber { get; init; }

    /// <summary>The record a <c>CRM_Record_Pop</c> event was queued for, so it is queued once per record.</summary>
    public string? PoppedRecordId { get; init; }

    /// <summary>The attachment URL of each upload, by the upload's delivery id (empty when the CRM gave none), for its comment.</summary>
    public IReadOnlyDictionary<string, string> Attachments { get; init; } = new Dictionary<string, string>();
}
