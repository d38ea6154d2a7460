namespace Switchboard.Tests.Events;

/// <summary>
/// The example payloads printed in the vendor documents (docs/platforms.md lists them), copied character for character,
/// including their mistakes: uContact's impossible dates, the trailing commas of several CCAI examples,
/// the missing commas of CCAI's Transfer_Chat example and the mangled quoting of the French CDR example.
/// Tests assert that the adapters cope with them as they are, so keep them unedited; corrected or
/// completed versions live in <see cref="WrittenPayloads"/>.
/// </summary>
internal static class PrintedPayloads
{
    // uContact, "Webhooks de notificación de eventos": the five JSON examples of the event table.
    public const string UcontactAgentRingNoAnswer = """{"event":"AgentRingNoAnswer","date":"2023-48-13 06:48:51","agent":"agentTest","agentNumber":"9999","agentFullName":"Agente Test","callerIdNum":"1234","campaign":"Demo<-"}""";

    public const string UcontactAgentLogin = """{"event":"AgentLog","date":"2023-16-13 05:16:22","agent":"agentTest","isLogin":true}""";

    public const string UcontactAgentLogoff = """{"event":"AgentLog","date":"2023-16-13 15:18:43","agent":"agentTest","isLogin":false}""";

    public const string UcontactAgentBreak = """{"event":"AgentBreak","date":"2023-52-13 04:52:57","agent":"AgentTest","motive":"Lunch","isBreak":true}""";

    public const string UcontactAgentUnbreak = """{"event":"AgentBreak","date":"2023-52-13 05:52:00","agent":"ccass_sderi","motive":"Lunch","isBreak":false}""";

    // CDR, the post-call "Webhooks": the French example as printed (not JSON: « » quotes, a doubled array, an unclosed
    // object).
    public const string CdrFrenchAsPrinted = """
        {
        « triggerId » : « 00000000-0000-0000-0000-00000000000 »,
        « id » : « 00000000-0000-0000-0000-000000-0000000000 »,
        « tenantId » : « 00000000-0000-0000-0000-00000000000 »,
        « cdr » : {
        « id » : « 00000000-0000-0000-0000-000000-0000000000 »,
        « dType » : « CloudSessionCdr »,
        « sVer » : 1,
        « pbxId » : « 00000000-0000-0000-0000-00000000000 »,
        « pbxName » : « BenDV1 - Dev - Ben »,
        « tz » : « Europe/Londres »,
        « start » : « 2024-05-29T09:37:35+01:00 »,
        « end » : « 2024-05-29T09:37:45+01:00 »,
        « dur » : 10,
        « anneau » : 10,
        « perdu » : 1,
        « cause » : « NORMAL_ DÉFRICHAGE",
        « réal » : 2,
        « type » : 2,
        « cliNum » : « \\u002B44700000000 »,
        « cliLoc » : « Royaume-Uni »,
        « cliCtry » : « GB »,
        « ddiNum » : « \\u002B441610000000 »,
        « fRngDevNum » : « utilisateur_ **\*\***",
        « fRngDevName » : « (T42S)Utilisateur test »,
        « lRngDevNum » : « user\_**\*\***",
        « lRgDevName » : « (T42S)Utilisateur test »,
        « fRngUsrNum » : « 302 »,
        « fRngUsrName » : « Utilisateur test »,
        « lRngUsrNum » : « 302 »,
        « lRngUsrName » : « Utilisateur test »,
        « fRngAgtNum » : « 302 »,
        « fRngAgtName » : « Utilisateur test »,
        « lRngAgtNum » : « 302 »,
        « lRngAgtName » : « Utilisateur test »,
        « hasRec » : 1,
        « recordingIds » : [" 00000000-0000-0000-0000-00000000000"]["00000000-0000-0000-0000-000000000000"],
        « directoryMatches » : [ {
        « dirName » : « Mon global »,
        « dirId » : « 00000000-0000-0000-0000-00000000000 »,
        « dirType » : « DirectoryContactMatch »,
        « contactId » : « 00000000-0000-0000-0000-00000000000 »,
        « champs » : {
        « fullName » : « Exemple de contact »,
        « companyName » : « Société »,
        « jobTitle » : « Titre du poste »,
        « email » : « Adresse e-mail »,
        « field1 » : « field1 »,
        « field2 » : « field2 »,
        « field3 » : « field3 »,
        « field4 » : « field4 »,
        « field5 » : « field5 »,
        « field6 » : « field6 »,
        « field7 » : « field7 »,
        « field8 » : « field8 »,
        « field9 » : « field9 »,
        « field10 » : « 301 »
        }][{
        "dirName": "My Global",
        "dirId": "00000000-0000-0000-0000-000000000000",
        "dirType": "DirectoryContactMatch",
        "contactId": "00000000-0000-0000-0000-000000000000",
        "fields": {
        "fullName": "Example Contact",
        "companyName": "Company",
        "jobTitle": "Job Title",
        "email": "Email Address",
        "field1": "field1",
        "field2": "field2",
        "field3": "field3",
        "field4": "field4",
        "field5": "field5",
        "field6": "field6",
        "field7": "field7",
        "field8": "field8",
        "field9": "field9",
        "field10": "301"
        }],
        « tags » : {
        « Support » : « étape1 »
        }
        },
        « customData » : {
        « hook » : « après l'appel »
        }
        }
        """;

    // CCAI, "CRM personalizzato": the agent-adapter event examples, in the order the document prints them.
    public const string CcaiAgentLogin = """
        {
          "type": "Agent_Login",
            "data": {
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "Kim@example.com",
          }
        }
        """;

    public const string CcaiNewCall = """
        {
          "type": "New_Call",
          "data": {
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "Kim@example.com",
            "queue_id": 8469,
            "queue_path": "Developers / Kim",
            "campaign_id": 1432,
            "campaign_name": "Survey Movie",
            "call_id": 103646,
            "session_type": "Voice Campaign (UJET)"
          }
        }
        """;

    public const string CcaiCallRedactionStarted = """
        {
          "agent_id": 2896,
          "call_id": 97939
        }
        """;

    public const string CcaiCallRedactionStopped = """
        {
          "agent_id": 2896,
          "call_id": 97939
        }
        """;

    public const string CcaiEndCall = """
        {
          "type": "End_Call",
          "data": {
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "Kim@example.com",
            "queue_id": 8469,
            "queue_path": "Developers / Kim",
            "campaign_id": 1432,
            "campaign_name": "Survey Movie",
            "call_id": 103646,
            "session_type": "Voice Campaign (UJET)"
          }
        }
        """;

    public const string CcaiNewChat = """
        {
          "type": "New_Chat",
          "data": {
            "chat_id": 73522,
            "session_type": "messaging inbound (web chat)",
            "agent_id": 1,
            "agent_email": "ariel@example.com",
            "queue_id": 7678,
            "queue_path": "HB TEAM / Ariel"
          }
        }
        """;

    public const string CcaiEndChat = """
        {
          "type": "End_Chat",
          "data": {
            "chat_id": 73522,
            "session_type": "Messaging Inbound (Web Chat)",
            "agent_id": 1,
            "agent_email": "ariel@example.com",
            "queue_id": null,
            "queue_path": null,
            "agent_custom_id": null
          }
        }
        """;

    public const string CcaiActiveChat = """
        {
          "type": "Active_Chat",
          "data": {
            "chat_id": 73521,
            "session_type": "messaging inbound (web chat)",
            "agent_id": 1,
            "agent_email": "ariel@example.com",
            "queue_id": 7678,
            "queue_path": "HB TEAM / Ariel"
          }
        }
        """;

    public const string CcaiChatInboundMessage = """
        {
          "type": "Chat_Inbound_Message",
          "data": {
            "chat_id": 73522,
            "session_type": "messaging inbound (web chat)",
            "agent_id": 1,
            "agent_email": "ariel@example.com",
            "queue_id": 7678,
            "queue_path": "HB TEAM / Ariel",
            "message" : "Can you help me with my order tracking number?"
          }
        }
        """;

    public const string CcaiChatOutboundMessage = """
        {
          "type": "Chat_Outbound_Message",
          "data": {
            "chat_id": 73522,
            "session_type": "messaging inbound (web chat)",
            "agent_id": 1,
            "agent_email": "ariel@example.com",
            "queue_id": 7678,
            "queue_path": "HB TEAM / Ariel",
            "message" : "Please give me a moment to look up your account information"
          }
        }
        """;

    public const string CcaiDismissedChat = """
        {
          "type":"Dismissed_Chat",
          "data":{"chat_id":73522,
            "session_type":"Messaging Inbound (Web Chat)",
            "agent_id":1,
            "agent_email":"ariel@example.com"
          }
        }
        """;

    public const string CcaiCobrowseSessionStarted = """
        {
          "type": "Cobrowse_Session_Started",
          "data": {
            "agent_id": 5,
            "chat_id": 791,
            "cobrowse_session_id": "Y1zYY6XIYX4oapqpEz3qHw",
            "cobrowse_session_requested_by": "agent",
            "cobrowse_session_remote_control": "off",
            "cobrowse_session_full_device": "off"
          }
        }
        """;

    public const string CcaiCobrowseSessionRemoteControlChanged = """
        {
          "type": "Cobrowse_Session_Remote_Control_Changed",
          "data": {
            "agent_id": 5,
            "chat_id": 791,
            "cobrowse_session_id": "Y1zYY6XIYX4oapqpEz3qHw",
            "cobrowse_session_remote_control": "requested"
          }
        }
        """;

    public const string CcaiCobrowseSessionFullDeviceChanged = """
        {
          "type": "Cobrowse_Session_Full_Device_Changed",
          "data": {
            "agent_id": 5,
            "cobrowse_session_id": "9-Kshrag-gn6ZSuIxoMtWQ",
            "cobrowse_session_full_device": "rejected"
          }
        }
        """;

    public const string CcaiCobrowseSessionEnded = """
        {
          "type": "Cobrowse_Session_Ended",
          "data": {
            "agent_id": 5,
            "cobrowse_session_id": "9-Kshrag-gn6ZSuIxoMtWQ",
            "cobrowse_session_requested_by": "end_user",
            "cobrowse_session_ended_by": "agent",
            "cobrowse_session_remote_control": "on",
            "cobrowse_session_full_device": "rejected"
          }
        }
        """;

    public const string CcaiTransferChatAsPrinted = """
        {
          "type": "Transfer_Chat",
          "data": {
            "chat_id": 103646,
            "session_type": "Messaging Inbound (SMS)",
            "campaign_id": 1432,
            "campaign_name": "Survey Movie",
            "from_agent_id": 1,
            "from_agent_custom_id": "007",
            "from_agent_email": "Ira@example.com",
            "to_agent_id" : 5
            "to_agent_custom_id": "100"
            "to_agent_email" : "ariel@example.com"
            "from_queue_id": 8469,
            "from_queue_path": "Developers / Ariel",
            "to_queue_id" : 1234,
            "to_queue_path" : "Schemes / Auric"
          }
        }
        """;

    public const string CcaiPartyAdded = """
        {
          "type": "Party_Added",
          "data": {
            "chat_id": 103646,
            "session_type": "Messaging Inbound (SMS)",
            "campaign_id": 1432,
            "campaign_name": "Survey Movie",
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "ariel@example.com",
            "queue_id": 8469,
            "queue_path": "Developers / Ariel",
            "type" : "agent"
          }
        }
        """;

    public const string CcaiAgentJoinedChat = """
        {
          "type": "Agent_Joined_Chat",
          "data": {
            "chat_id": 103646,
            "campaign_id": 1432,
            "campaign_name": "Survey Movie",
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "ariel@example.com",
            "queue_id": 8469,
            "queue_path": "Developers / Ariel",
            "session_type": "Messaging Inbound (SMS)",
          }
        }
        """;

    public const string CcaiAgentLogout = """
        {
          "type": "Agent_Logout",
          "data": {
            "agent_id": 1,
            "agent_custom_id": "007",
            "agent_email": "ariel@example.com",
          }
        }
        """;

    public const string CcaiAgentAssistStarted = """
        {
          "type": "Agent_Assist_Started",
          "data": {
            "conversation_id": "12345",
            "queue_id": "65",
            "agent_id": "1",
            "session_id": "78534G4RT4284",
            "queue_language_id": "en",
            "timestamp": "12:45:15"
          }
        }
        """;
}
