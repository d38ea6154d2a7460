namespace Switchboard.Tests.Events;

/// <summary>
/// Payloads the vendor documents describe without printing valid JSON: events given only as field lists, the
/// documents' broken examples repaired, and Switchboard's own shapes (the Videsk template, the CCAI archive events).
/// Each says what it was written from.
/// </summary>
internal static class WrittenPayloads
{
    // "Webhooks de notificación de eventos" lists FinishInteraction's fields (guid, campaign, agent, duration,
    // clientId, channel) without an example.
    public const string UcontactFinishInteraction = """{"event":"FinishInteraction","date":"2023-05-13 06:48:51","guid":"9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f","campaign":"Ventas<-","agent":"agentTest","duration":321,"clientId":"59899123456","channel":"webchat"}""";

    // "Webhooks de notificación de eventos" lists InteractionDisposition's fields (guid, campaign, agent, value1-3,
    // channel) without an example.
    public const string UcontactInteractionDisposition = """{"event":"InteractionDisposition","date":"2023-05-13 06:50:02","guid":"9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f","campaign":"Ventas<-","agent":"agentTest","value1":"Venta","value2":"Contado","value3":"","channel":"telephony"}""";

    // The post-call "Webhooks" example in its English form: the French keys put back to the table's names (anneau→ring,
    // perdu→lost, réal→dir, champs→fields), values in English, recordingIds as one array, and the English
    // directoryMatches fragment printed at the end of the document with its missing closing brace added.
    public const string CdrEnglish = """
        {
        "triggerId": "00000000-0000-0000-0000-000000000000",
        "id": "00000000-0000-0000-0000-000000000000",
        "tenantId": "00000000-0000-0000-0000-000000000000",
        "cdr": {
        "id": "00000000-0000-0000-0000-000000000000",
        "dType": "CloudSessionCdr",
        "sVer": 1,
        "pbxId": "00000000-0000-0000-0000-000000000000",
        "pbxName": "BenDV1 - Dev - Ben",
        "tz": "Europe/London",
        "start": "2024-05-29T09:37:35+01:00",
        "end": "2024-05-29T09:37:45+01:00",
        "dur": 10,
        "ring": 10,
        "lost": 1,
        "cause": "NORMAL_CLEARING",
        "dir": 2,
        "type": 2,
        "cliNum": "\u002B44700000000",
        "cliLoc": "United Kingdom",
        "cliCtry": "GB",
        "ddiNum": "\u002B441610000000",
        "fRngDevNum": "user_******",
        "fRngDevName": "(T42S)Test User",
        "lRngDevNum": "user_******",
        "lRgDevName": "(T42S)Test User",
        "fRngUsrNum": "302",
        "fRngUsrName": "Test User",
        "lRngUsrNum": "302",
        "lRngUsrName": "Test User",
        "fRngAgtNum": "302",
        "fRngAgtName": "Test User",
        "lRngAgtNum": "302",
        "lRngAgtName": "Test User",
        "hasRec": 1,
        "recordingIds": ["00000000-0000-0000-0000-000000000000"],
        "directoryMatches": [{
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
        }}],
        "tags": {
        "Support": "stage1"
        }
        },
        "customData": {
        "hook": "after-call"
        }
        }
        """;

    // The Transfer_Chat example of "CRM personalizzato" with the three missing commas restored.
    public const string CcaiTransferChat = """
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
            "to_agent_id" : 5,
            "to_agent_custom_id": "100",
            "to_agent_email" : "ariel@example.com",
            "from_queue_id": 8469,
            "from_queue_path": "Developers / Ariel",
            "to_queue_id" : 1234,
            "to_queue_path" : "Schemes / Auric"
          }
        }
        """;

    // "CRM personalizzato" names CRM_Record_Pop and its recordUrl (read as data.data.recordUrl in the document's
    // listener) without an example.
    public const string CcaiCrmRecordPop = """{"type":"CRM_Record_Pop","data":{"call_id":103646,"agent_id":1,"recordUrl":"https://crm.example.com/records/42"}}""";

    // "CRM personalizzato" lists Transfer_Call and Agent_Joined_Call with the chat examples' fields, call_id in place
    // of chat_id.
    public const string CcaiTransferCall = """{"type":"Transfer_Call","data":{"call_id":103646,"session_type":"Voice Inbound","from_agent_id":1,"from_agent_email":"Ira@example.com","to_agent_id":5,"to_agent_email":"ariel@example.com","from_queue_id":8469,"from_queue_path":"Developers / Ariel","to_queue_id":1234,"to_queue_path":"Schemes / Auric"}}""";

    public const string CcaiAgentJoinedCall = """{"type":"Agent_Joined_Call","data":{"call_id":103646,"agent_id":5,"agent_email":"ariel@example.com","queue_id":8469,"queue_path":"Developers / Ariel","session_type":"Voice Inbound"}}""";

    // The archive events of issue 4, with exactly the fields it names.
    public const string CcaiMediaUploaded = """{"type":"Media_Uploaded","data":{"chat_id":73522,"media_type":"photo","media_id":"ph-1","url":"https://media.example.com/ph-1.jpg"}}""";

    public const string CcaiRecordingAvailable = """{"type":"Recording_Available","data":{"call_id":103646,"format":"mp3","url":"https://media.example.com/call-103646.mp3"}}""";

    public const string CcaiVoicemailAvailable = """{"type":"Voicemail_Available","data":{"call_id":103646,"format":"wav","url":"https://media.example.com/vm-103646.wav"}}""";

    // The README's Videsk body template as Videsk renders it for a call whose agent variables are empty.
    public const string VideskTemplateRendered = """
        {
          "event": "queue.abandoned",
          "occurredAt": "2024-05-29T09:37:45Z",
          "session": { "id": "6651f0c2a1b3", "channel": "call" },
          "agent": { "id": "", "email": "", "name": "" },
          "queue": { "id": "q-7", "name": "Ventas" },
          "values": { "customerName": "Ana", "waitSeconds": "184" }
        }
        """;

    /// <summary>
    /// A Webitel hook body for <paramref name="eventName"/> with the fields "Хуки (Входящая очередь)" lists for that event,
    /// plus a member variable and a queue variable as the flow schema would add them.
    /// </summary>
    public static string Webitel(string eventName, string channel = "call") => eventName switch
    {
        "joined" => $$"""{"event":"joined","channel":"{{channel}}","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","queue_id":"12","queue_name":"Support","crm_ticket":"T-100"}""",
        "answered" or "offering" or "bridged" or "active" => $$"""{"event":"{{eventName}}","channel":"{{channel}}","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"c1d2e3f4-0000-4000-8000-000000000001","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"user_id":1077,"agent_extension":"1077","member_name":"Ivan","member_id":901,"cc_attempt_seq":1,"call_bill_sec":12,"call_duration":30,"amd_result":"HUMAN","call_voice_sec":10,"queue_id":"12","queue_name":"Support","crm_ticket":"T-100"}""",
        "missed" => $$"""{"event":"missed","channel":"{{channel}}","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"c1d2e3f4-0000-4000-8000-000000000001","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"user_id":1077,"agent_extension":"1077","member_name":"Ivan","member_id":901,"cc_attempt_seq":1,"call_bill_sec":0,"call_duration":25,"amd_result":"HUMAN","queue_id":"12","queue_name":"Support","crm_ticket":"T-100"}""",
        "leaving" => $$"""{"event":"leaving","channel":"{{channel}}","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"c1d2e3f4-0000-4000-8000-000000000001","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"user_id":1077,"agent_extension":"1077","member_name":"Ivan","member_id":901,"cc_attempt_seq":1,"cc_result":"success","call_bill_sec":95,"call_duration":130,"call_cause":"NORMAL_CLEARING","call_sip_code":200,"amd_result":"HUMAN","call_voice_sec":90,"queue_id":"12","queue_name":"Support","crm_ticket":"T-100"}""",
        "processing" => $$"""{"event":"processing","channel":"{{channel}}","attempt_id":5123,"destination":"+380441234567","use_processing":true,"agent_channel_id":"c1d2e3f4-0000-4000-8000-000000000001","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"user_id":1077,"agent_extension":"1077","member_name":"Ivan","member_id":901,"cc_attempt_seq":1,"call_bill_sec":95,"call_duration":130,"call_cause":"NORMAL_CLEARING","call_sip_code":200,"amd_result":"HUMAN","call_voice_sec":90,"queue_id":"12","queue_name":"Support","crm_ticket":"T-100"}""",
        _ => throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "Webitel's queue hooks have no such event."),
    };
}
