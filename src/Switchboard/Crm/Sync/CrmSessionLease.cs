using Azure;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// One run's hold on a session's CRM state (<see cref="CrmSessionStore"/>): while it lasts no other run calls the CRM
/// for the session, so an account or record is never created twice by two runs at once.
/// </summary>
public sealed class CrmSessionLease
{
    internal CrmSessionLease(SessionKey session, string owner, ETag etag, CrmSessionState state)
    {
        Session = session;
        Owner = owner;
        ETag = etag;
        State = state;
    }

    /// <summary>The session.</summary>
    public SessionKey Session { get; }

    /// <summary>The run holding the lease.</summary>
    public string Owner { get; }

    /// <summary>The state as this run knows it; <see cref="CrmSessionStore.SaveAsync"/> writes changes.</summary>
    public CrmSessionState State { get; set; }

    /// <summary>The state row's ETag as this run last wrote or read it.</summary>
    internal ETag ETag { get; set; }
}
