using System.Collections.Frozen;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Reads Webitel queue hooks ("Хуки (Входящая очередь)") into a <see cref="SessionFold"/>. An agent joins when answered
/// or bridged (offering and missed only offer the member); the wait is joined → first answer. leaving is a summary:
/// <c>call_duration</c> is the length, <c>call_bill_sec</c> the talk time (and so when the agent joined, if no earlier
/// event said), <c>call_cause</c> the end reason. The member is the end user; other member and queue variables are
/// custom data.
/// </summary>
internal static class WebitelSessionReader
{
    private static readonly FrozenSet<string> KnownFields = FrozenSet.ToFrozenSet(
        [
            "event", "channel", "attempt_id", "destination", "use_processing", "agent_channel_id", "member_channel_id", "agent_name",
            "agent_id", "user_id", "agent_extension", "member_name", "member_id", "cc_attempt_seq", "call_bill_sec", "call_duration",
            "amd_result", "call_voice_sec", "cc_result", "call_cause", "call_sip_code", "queue_id", "queue_name",
        ],
        StringComparer.Ordinal);

    public static void Read(SessionFold fold, CanonicalEvent canonical)
    {
        var fields = canonical.Data;
        var at = canonical.OccurredAt.ToUniversalTime();
        fold.SessionType ??= fields.TextOf("channel");
        fold.SetEndUser(id: fields.TextOf("member_id"), name: fields.TextOf("member_name"), phone: fields.TextOf("destination"));
        fold.SetExternalId("attempt_id", fields.TextOf("attempt_id"));
        fold.SetCustomDataExcept(fields, KnownFields);
        var agentId = fields.TextOf("agent_id") ?? fields.TextOf("user_id");
        var agentName = fields.TextOf("agent_name");
        switch (canonical.Type)
        {
            case "answered" or "bridged":
                fold.JoinAgent(agentId, null, null, agentName, at);
                if (fold.WaitTime is null && fold.StartEventAt is { } joined && at >= joined)
                {
                    fold.WaitTime = (at - joined).TotalSeconds;
                }

                break;
            case "offering" or "missed" or "joined":
                break;
            case "leaving":
                var billed = fields.NumberOf("call_bill_sec");
                fold.Duration = fields.NumberOf("call_duration") ?? fold.Duration;
                fold.HandleTime = billed ?? fold.HandleTime;
                fold.EndReason = fields.TextOf("call_cause") ?? fold.EndReason;
                fold.JoinAgent(agentId, null, null, agentName, billed is { } seconds and > 0 ? at - TimeSpan.FromSeconds(seconds) : null);
                break;
            default:
                fold.JoinAgent(agentId, null, null, agentName, at);
                break;
        }
    }
}
