using System.Globalization;
using System.Text;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// The chat transcript, <c>ujet-chat-transcripts/chat-{id}.txt</c>: one line per CCAI Chat_Inbound_Message or
/// Chat_Outbound_Message, in occurrence order, as <c>{time} {who}: {text}</c> — the time in UTC
/// (<c>2024-06-01T12:00:20Z</c>), who is <c>End user</c> or <c>Agent {email or id}</c>. Line breaks inside a message
/// become spaces, so every message stays one line. UTF-8, lines ending in LF.
/// </summary>
public static class SessionTranscript
{
    /// <summary>The transcript of <paramref name="events"/>, or null when they hold no chat message.</summary>
    public static string? Render(IEnumerable<CanonicalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        StringBuilder? text = null;
        foreach (var canonical in events.OrderBy(e => e.OccurredAt.UtcTicks).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var inbound = canonical.Type == "Chat_Inbound_Message";
            if (!string.Equals(canonical.Source, "ccai", StringComparison.Ordinal) || (!inbound && canonical.Type != "Chat_Outbound_Message"))
            {
                continue;
            }

            var fields = PayloadValues.CcaiFields(canonical.Data);
            var who = inbound ? "End user" : $"Agent {fields.TextOf("agent_email") ?? fields.TextOf("agent_id") ?? "(unknown)"}";
            var message = (fields.TextOf("message") ?? string.Empty).ReplaceLineEndings(" ");
            (text ??= new StringBuilder())
                .Append(canonical.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append(' ').Append(who).Append(": ").Append(message).Append('\n');
        }

        return text?.ToString();
    }
}
