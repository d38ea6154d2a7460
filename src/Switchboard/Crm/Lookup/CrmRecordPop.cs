using System.Text.Json;
using Switchboard.Events;
using Switchboard.Events.Ccai;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Crm.Lookup;

/// <summary>
/// Announces a session's CRM record ("CRM personalizzato", "CRM_Record_Pop"): a CCAI <c>CRM_Record_Pop</c> event carrying
/// <c>recordUrl</c> is queued through <see cref="IngestEvent"/> in the shape the CCAI adapter gives the platform's
/// own, so it is journaled and matched against the tenant's triggers like every other event.
/// </summary>
public sealed class CrmRecordPop(IngestEvent ingest, TimeProvider time)
{
    /// <summary>The event's type.</summary>
    public const string EventType = "CRM_Record_Pop";

    /// <summary>
    /// Queues the event for <paramref name="session"/>: <c>{"type":"CRM_Record_Pop","data":{"call_id" or "chat_id",
    /// "recordUrl", "record_id", "account_id", "accountUrl"}}</c>. False (and nothing queued) for sessions that are
    /// neither calls nor chats, which a CCAI event cannot name.
    /// </summary>
    public async Task<bool> QueueAsync(SessionKey session, string recordUrl, string recordId, string? accountId, string? accountUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Event(session, recordUrl, recordId, accountId, accountUrl, time.GetUtcNow()) is not { } canonical)
        {
            return false;
        }

        await ingest.QueueAsync(canonical, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The event as the CCAI adapter reads it: received and occurring now, an update of its session, naming no agent or queue.</summary>
    private static CanonicalEvent? Event(SessionKey session, string recordUrl, string recordId, string? accountId, string? accountUrl, DateTimeOffset receivedAt)
    {
        var idField = session.Channel switch
        {
            SessionChannels.Call => "call_id",
            SessionChannels.Chat => "chat_id",
            _ => null,
        };
        if (idField is null)
        {
            return null;
        }

        var data = new Dictionary<string, string?>
        {
            [idField] = session.SessionId,
            ["recordUrl"] = recordUrl,
            ["record_id"] = recordId,
            ["account_id"] = accountId,
            ["accountUrl"] = accountUrl,
        };

        // The whole CCAI body is the payload, as for a posted event: triggers read data.recordUrl under data.
        var body = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = EventType,
            ["data"] = data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        });
        return SourceContext.Create(session.Tenant, receivedAt).Event(CcaiAdapter.SourceName, EventType, body) with
        {
            Session = new EventSession { Id = session.SessionId, Channel = session.Channel, Lifecycle = SessionLifecycle.Updated },
        };
    }
}
