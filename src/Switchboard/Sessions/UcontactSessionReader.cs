using System.Collections.Frozen;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Reads uContact events ("Webhooks de notificación de eventos") into a <see cref="SessionFold"/>. FinishInteraction is
/// a summary: its <c>duration</c> is the interaction's length and handle time, so the agent joined that long before it;
/// the client id names the customer. InteractionDisposition carries the agent's classification in
/// <c>value1</c>–<c>value3</c>. The campaign is uContact's queue and is reported as both.
/// </summary>
internal static class UcontactSessionReader
{
    private static readonly FrozenSet<string> KnownFields = FrozenSet.ToFrozenSet(
        ["event", "date", "guid", "campaign", "agent", "agentFullName", "agentNumber", "duration", "clientId", "channel", "value1", "value2", "value3", "callerIdNum"],
        StringComparer.Ordinal);

    public static void Read(SessionFold fold, CanonicalEvent canonical)
    {
        var fields = canonical.Data;
        var at = canonical.OccurredAt.ToUniversalTime();
        fold.SessionType ??= fields.TextOf("channel");
        if (fields.TextOf("campaign") is { } campaign)
        {
            fold.Campaign = new SessionCampaign { Id = campaign, Name = campaign };
        }

        fold.SetCustomDataExcept(fields, KnownFields);
        var agent = fields.TextOf("agent");
        var agentName = fields.TextOf("agentFullName");
        switch (canonical.Type)
        {
            case "FinishInteraction":
                var duration = fields.NumberOf("duration");
                fold.Duration = duration;
                fold.HandleTime = duration;
                fold.SetEndUser(id: fields.TextOf("clientId"));
                fold.JoinAgent(agent, null, null, agentName, duration is { } seconds and >= 0 ? at - TimeSpan.FromSeconds(seconds) : null);
                break;
            case "InteractionDisposition":
                string[] values = [.. new[] { fields.TextOf("value1"), fields.TextOf("value2"), fields.TextOf("value3") }.OfType<string>()];
                if (values.Length > 0)
                {
                    fold.Disposition = new SessionDisposition { Code = values[0], Values = values };
                }

                // Wrapping up is not joining: the agent is noted without a join time.
                fold.JoinAgent(agent, null, null, agentName, null);
                break;
            default:
                fold.JoinAgent(agent, null, null, agentName, canonical.Session?.Lifecycle == SessionLifecycle.Ended ? null : at);
                break;
        }
    }
}
