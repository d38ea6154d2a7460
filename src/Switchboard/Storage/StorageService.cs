namespace Switchboard.Storage;

/// <summary>The three Azure Storage services Switchboard uses.</summary>
public enum StorageService
{
    /// <summary>Blob storage: claim-check payloads and the session archive.</summary>
    Blob,

    /// <summary>Queue storage: events and delayed jobs.</summary>
    Queue,

    /// <summary>Table storage: triggers, the session journal and the delivery log.</summary>
    Table,
}
