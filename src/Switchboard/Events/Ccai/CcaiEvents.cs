using System.Collections.Frozen;

namespace Switchboard.Events.Ccai;

/// <summary>The agent-adapter events of "CRM personalizzato" and Switchboard's three archive events, by case-insensitive name.</summary>
internal static class CcaiEvents
{
    /// <summary>The name given to the call-redaction body <c>{agent_id, call_id}</c> when nothing says which redaction event it is.</summary>
    public const string UnnamedRedaction = "Call_Redaction";

    public static readonly IReadOnlyList<CcaiEvent> All =
    [
        new("Agent_Login", null, CcaiSessionKey.None),
        new("Agent_Logout", null, CcaiSessionKey.None),
        new("New_Call", SessionLifecycle.Started, CcaiSessionKey.Call, SessionRequired: true),
        new("Call_Redaction_Started", SessionLifecycle.Updated, CcaiSessionKey.Call),
        new("Call_Redaction_Stopped", SessionLifecycle.Updated, CcaiSessionKey.Call),
        new(UnnamedRedaction, SessionLifecycle.Updated, CcaiSessionKey.Call),
        new("End_Call", SessionLifecycle.Ended, CcaiSessionKey.Call, SessionRequired: true),
        new("New_Chat", SessionLifecycle.Started, CcaiSessionKey.Chat, SessionRequired: true),
        new("Active_Chat", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("Chat_Inbound_Message", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("Chat_Outbound_Message", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("End_Chat", SessionLifecycle.Ended, CcaiSessionKey.Chat, SessionRequired: true),
        new("Dismissed_Chat", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("Cobrowse_Session_Started", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Cobrowse_Session_Remote_Control_Changed", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Cobrowse_Session_Full_Device_Changed", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Cobrowse_Session_Ended", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Transfer_Call", SessionLifecycle.Updated, CcaiSessionKey.Call),
        new("Transfer_Chat", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("Party_Added", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Agent_Joined_Call", SessionLifecycle.Updated, CcaiSessionKey.Call),
        new("Agent_Joined_Chat", SessionLifecycle.Updated, CcaiSessionKey.Chat),
        new("Agent_Assist_Started", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("CRM_Record_Pop", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat),
        new("Media_Uploaded", SessionLifecycle.Updated, CcaiSessionKey.CallOrChat, SessionRequired: true, CcaiArchive.Media),
        new("Recording_Available", SessionLifecycle.Updated, CcaiSessionKey.Call, SessionRequired: true, CcaiArchive.Audio),
        new("Voicemail_Available", SessionLifecycle.Updated, CcaiSessionKey.Call, SessionRequired: true, CcaiArchive.Audio),
    ];

    private static readonly FrozenDictionary<string, CcaiEvent> ByName =
        All.ToFrozenDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>The row for <paramref name="name"/>, or null for a name the document does not list.</summary>
    public static CcaiEvent? Find(string name) => ByName.GetValueOrDefault(name);
}
