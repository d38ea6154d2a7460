using System.Security.Cryptography;
using System.Text;
using Switchboard.Events;
using Switchboard.Sessions;

namespace Switchboard.Crm.Calls;

/// <summary>
/// One CRM call of a session's sync, as table <c>Deliveries</c> records it: kind crm, the operation as its target
/// (<c>create-account</c>, <c>comment-end</c> …), a delivery id derived from the session, the operation and what the
/// call is about (so a repeated run finds the call it made), and the event that caused it.
/// </summary>
/// <param name="Session">The session whose sync makes the call.</param>
/// <param name="Operation">The operation, e.g. <c>find-account</c>, <c>create-record</c>, <c>upload-file</c>.</param>
/// <param name="DeliveryId">The call's delivery id.</param>
/// <param name="Cause">The event the call is for: the session's start for account and record calls, the event for comments, the last event after the export.</param>
/// <param name="Find">Whether the call is a search, for which 404 is an answer ("none found") rather than a failure.</param>
public sealed record CrmCall(SessionKey Session, string Operation, string DeliveryId, CanonicalEvent Cause, bool Find = false)
{
    /// <summary>The call <paramref name="operation"/> of <paramref name="session"/>, about <paramref name="subject"/> (empty for once-per-session calls).</summary>
    public static CrmCall For(SessionKey session, string operation, CanonicalEvent cause, string subject = "", bool find = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var identity = string.Join('\n', session.Tenant, session.Channel, session.SessionId, operation, subject);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return new CrmCall(session, operation, $"crm_{hash[..32]}", cause, find);
    }
}
