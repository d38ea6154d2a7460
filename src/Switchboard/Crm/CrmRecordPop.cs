using System.Text.Json;
using Switchboard.Events;
using Switchboard.Events.Ccai;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Crm;

/// <summary>
/// Announces a session's CRM record ("CRM personalizzato", "CRM_Record_Pop"): a CCAI <c>CRM_Record_Pop</c> event
/// carrying <c>recordUrl</c> is queued through <see cref="IngestEvent"/>, exactly as if the platform had posted it, so
/// it is journaled and matched against the tenant's triggers like every other event.
/// </summary>
public sealed class CrmRecordPop(IngestEvent ingest)
{
    /// <summary>The event's type.</summary>
    public const string EventType = "CRM_Record_Pop";

    private static readonly CcaiAdapter Adapter = new();

    /// <summary>
    /// Queues the event for <paramref name="session"/>: <c>{"type":"CRM_Record_Pop","data":{"call_id" or "chat_id",
    /// "recordUrl", "record_id", "account_id", "accountUrl"}}</c>. False (and nothing queued) for sessions that are
    /// neither calls nor chats, which a CCAI event cannot name.
    /// </summary>
    public async Task<bool> QueueAsync(SessionKey session, string recordUrl, string recordId, string? accountId, string? accountUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var idField = session.Channel switch
        {
            SessionChannels.Call => "call_id",
            SessionChannels.Chat => "chat_id",
            _ => null,
        };
        if (idField is null)
        {
            return false;
        }

        var data = new Dictionary<string, string?>
        {
            [idField] = session.SessionId,
            ["recordUrl"] = recordUrl,
            ["record_id"] = recordId,
            ["account_id"] = accountId,
            ["accountUrl"] = accountUrl,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = EventType,
            ["data"] = data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        });
        await ingest.RunAsync(Adapter, session.Tenant, body, "application/json", null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
