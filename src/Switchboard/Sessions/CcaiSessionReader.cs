using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Reads CCAI agent-adapter events ("CRM personalizzato") into a <see cref="SessionFold"/>: session type, campaign, the
/// agents who answered, joined or were added, transfers, chat messages, cobrowse sessions, redactions, the end user,
/// custom data and the ids CCAI adds. Archive events are listed by <see cref="ArchiveMedia"/>.
/// </summary>
internal static class CcaiSessionReader
{
    /// <summary>The fields "CRM personalizzato" names as the customer's own data, carried into the metadata as sent.</summary>
    private static readonly string[] CustomFields =
        ["custom_data_secured", "custom_data_not_secured", "custom_sip_headers", "session_variable", "va_data_parameters"];

    public static void Read(SessionFold fold, CanonicalEvent canonical)
    {
        var fields = PayloadValues.CcaiFields(canonical.Data);
        var at = canonical.OccurredAt.ToUniversalTime();
        var ending = canonical.Session?.Lifecycle == SessionLifecycle.Ended;
        fold.SessionType ??= fields.TextOf("session_type");
        var campaignId = fields.TextOf("campaign_id");
        var campaignName = fields.TextOf("campaign_name");
        if (campaignId is not null || campaignName is not null)
        {
            fold.Campaign = new SessionCampaign { Id = campaignId ?? fold.Campaign?.Id, Name = campaignName ?? fold.Campaign?.Name };
        }

        foreach (var name in CustomFields)
        {
            if (fields.ValueOf(name) is { } value)
            {
                fold.SetCustomData(name, value);
            }
        }

        fold.SetExternalId("virtual_agent_id", fields.TextOf("virtual_agent_id"));
        fold.SetEndUser(id: fields.TextOf("end_user_id"));
        var rating = fields.TextOf("rating");
        var feedback = fields.TextOf("feedback");
        if (rating is not null || feedback is not null)
        {
            fold.Rating = new SessionRating { Score = rating ?? fold.Rating?.Score, Feedback = feedback ?? fold.Rating?.Feedback };
        }

        if ((fields.TextOf("disposition_code") ?? fields.TextOf("disposition")) is { } code)
        {
            fold.Disposition = new SessionDisposition { Code = code, Values = [code], Notes = fields.TextOf("disposition_notes") };
        }

        switch (canonical.Type)
        {
            case "Transfer_Call" or "Transfer_Chat":
                fold.AddTransfer(new SessionTransfer
                {
                    At = at,
                    FromAgent = Participant(fields.TextOf("from_agent_id"), fields.TextOf("from_agent_custom_id"), fields.TextOf("from_agent_email")),
                    ToAgent = Participant(fields.TextOf("to_agent_id"), fields.TextOf("to_agent_custom_id"), fields.TextOf("to_agent_email")),
                    FromQueue = Queue(fields.TextOf("from_queue_id"), fields.TextOf("from_queue_path")),
                    ToQueue = Queue(fields.TextOf("to_queue_id"), fields.TextOf("to_queue_path")),
                });

                // The transfer's own agent fields name the parties, not an agent acting in the session.
                return;
            case "Party_Added" when string.Equals(fields.TextOf("type"), "end_user", StringComparison.OrdinalIgnoreCase):
                return;
            case "Chat_Inbound_Message":
                fold.InboundMessages++;
                break;
            case "Chat_Outbound_Message":
                fold.OutboundMessages++;
                break;
            case "Cobrowse_Session_Started" or "Cobrowse_Session_Remote_Control_Changed" or "Cobrowse_Session_Full_Device_Changed" or "Cobrowse_Session_Ended":
                if (fields.TextOf("cobrowse_session_id") is { } cobrowseId)
                {
                    fold.Cobrowse(
                        cobrowseId,
                        canonical.Type == "Cobrowse_Session_Started" ? at : null,
                        canonical.Type == "Cobrowse_Session_Ended" ? at : null,
                        fields.TextOf("cobrowse_session_requested_by"),
                        fields.TextOf("cobrowse_session_ended_by"),
                        fields.TextOf("cobrowse_session_remote_control"),
                        fields.TextOf("cobrowse_session_full_device"));
                }

                break;
            case "Call_Redaction_Started" or "Call_Redaction_Stopped" or "Call_Redaction":
                fold.AddRedaction(new SessionRedaction
                {
                    Action = canonical.Type switch { "Call_Redaction_Started" => "started", "Call_Redaction_Stopped" => "stopped", _ => "unknown" },
                    At = at,
                    AgentId = fields.TextOf("agent_id"),
                });
                break;
            case "CRM_Record_Pop":
                fold.SetExternalId("recordUrl", fields.TextOf("recordUrl"));
                break;
            case "Agent_Assist_Started":
                fold.SetExternalId("agent_assist_conversation_id", fields.TextOf("conversation_id"));
                break;
        }

        // New_Call, New_Chat (an agent answered), Agent_Joined_*, Party_Added and every event the handling agent sends.
        // The ending event names the last agent but says nothing about when they joined.
        fold.JoinAgent(fields.TextOf("agent_id"), fields.TextOf("agent_custom_id"), fields.TextOf("agent_email"), null, ending ? null : at);
    }

    private static SessionParticipant? Participant(string? id, string? customId, string? email) =>
        id is null && customId is null && email is null ? null : new SessionParticipant { Id = id, CustomId = customId, Email = email };

    private static EventQueue? Queue(string? id, string? path) =>
        id is null && path is null ? null : new EventQueue { Id = id, Name = path };
}
