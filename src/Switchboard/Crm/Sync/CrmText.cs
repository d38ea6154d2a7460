using System.Globalization;
using System.Net;
using Switchboard.Crm.Calls;
using Switchboard.Events;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// The texts Switchboard writes into the CRM: the record's subject and description (<c>{TICKET_SUBJECT}</c>,
/// <c>{TICKET_DESCRIPTION}</c>, <c>{TICKET_DESCRIPTION_HTML}</c>) and the comments (<c>{COMMENT_BODY}</c>), as plain
/// text or HTML. Lines without a value are left out.
/// </summary>
public static class CrmText
{
    /// <summary>
    /// "Call 103646 from +1 222 333 4444 · Developers / Kim": the channel, id, customer and queue; a phone number
    /// without a country code is read as one of <paramref name="region"/> (<see cref="CrmPhoneFormat.DefaultRegion"/> when null).
    /// </summary>
    public static string Subject(CrmSessionFacts facts, string phoneFormat, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var subject = $"{Title(facts.Session)} {facts.Session.SessionId}";
        if (Customer(facts, phoneFormat, region).FirstOrDefault() is { } customer)
        {
            subject += $" from {customer}";
        }

        return facts.Metadata.Queue?.Name is { } queue ? $"{subject} · {queue}" : subject;
    }

    /// <summary>
    /// The session in a few lines: type, queue, customer, agents, times, transfers, disposition, rating; a phone number
    /// without a country code is read as one of <paramref name="region"/> (<see cref="CrmPhoneFormat.DefaultRegion"/> when null).
    /// </summary>
    public static string Description(CrmSessionFacts facts, string phoneFormat, bool html, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var metadata = facts.Metadata;
        var lines = new List<string?>
        {
            metadata.SessionType is { } type ? $"{Title(facts.Session)} {facts.Session.SessionId} ({type})" : $"{Title(facts.Session)} {facts.Session.SessionId}",
            Line("Queue", metadata.Queue?.Name),
            Line("Customer", string.Join(", ", Customer(facts, phoneFormat, region))),
            Line("Agents", string.Join(", ", metadata.Agents.Select(Name).OfType<string>())),
            Line("Started", Time(metadata.StartedAt)),
            Line("Ended", metadata.EndedAt is null ? null : $"{Time(metadata.EndedAt)} ({Status(metadata.Status)})"),
            Line("Duration", CrmSessionFacts.MinutesSeconds(metadata.DurationSeconds)),
            Line("Wait time", CrmSessionFacts.MinutesSeconds(metadata.WaitTimeSeconds)),
            Line("Hold time", CrmSessionFacts.MinutesSeconds(metadata.HoldTimeSeconds)),
            Line("Transfers", metadata.Transfers.Count > 0 ? metadata.Transfers.Count.ToString(CultureInfo.InvariantCulture) : null),
            Line("Disposition", Joined(metadata.Disposition?.Code, metadata.Disposition?.Notes)),
            Line("Rating", Joined(metadata.Rating?.Score, metadata.Rating?.Feedback)),
        };
        return Render(lines, html);
    }

    /// <summary>
    /// The comment for <paramref name="occasion"/>; transfers, dispositions and ratings read the fields of
    /// <paramref name="cause"/>, the event that brought them, and the session's facts where it has none.
    /// </summary>
    public static string Comment(CrmOccasion occasion, CrmSessionFacts facts, CanonicalEvent? cause, bool html)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var fields = cause is null ? default : PayloadValues.CcaiFields(cause.Data);
        var metadata = facts.Metadata;
        var session = $"{Title(facts.Session)} {facts.Session.SessionId}";
        string? text = occasion switch
        {
            CrmOccasion.Start => session + " started"
                + (facts.Agent is { } agent ? $", answered by {Name(agent)}" : string.Empty)
                + (metadata.Queue?.Name is { } queue ? $" in {queue}" : string.Empty) + ".",
            CrmOccasion.End => session + " ended"
                + (metadata.Status is { } status ? $" ({Status(status)})" : string.Empty)
                + (CrmSessionFacts.MinutesSeconds(metadata.DurationSeconds) is { } duration ? $" after {duration}" : string.Empty) + ".",
            CrmOccasion.Transfer => $"{session} transferred from {Party(fields, "from") ?? "unknown"} to {Party(fields, "to") ?? "unknown"}.",
            CrmOccasion.Disposition => "Disposition: " + (Joined(
                fields.TextOf("disposition_code") ?? fields.TextOf("disposition") ?? metadata.Disposition?.Code,
                fields.TextOf("disposition_notes") ?? metadata.Disposition?.Notes) ?? "none"),
            CrmOccasion.Rating => "Rating: " + (Joined(
                fields.TextOf("rating") ?? metadata.Rating?.Score,
                fields.TextOf("feedback") ?? metadata.Rating?.Feedback) ?? "none"),
            _ => null,
        };
        return Render([text], html);
    }

    /// <summary>The comment left when <paramref name="file"/> was uploaded, with the attachment's URL when the CRM gave one.</summary>
    public static string UploadComment(string file, string? attachmentUrl, bool html) =>
        Render([attachmentUrl is null ? $"Uploaded {file}." : $"Uploaded {file}: {attachmentUrl}"], html);

    private static string Title(SessionKey session) => session.Channel switch
    {
        SessionChannels.Call => "Call",
        SessionChannels.Chat => "Chat",
        SessionChannels.Email => "Email",
        SessionChannels.Task => "Task",
        var other => other.Length == 0 ? other : char.ToUpperInvariant(other[0]) + other[1..],
    };

    private static IEnumerable<string> Customer(CrmSessionFacts facts, string phoneFormat, string? region) =>
        new[] { facts.CustomerName, CrmPhoneFormat.Format(facts.CustomerPhone, phoneFormat, region: region), facts.CustomerEmail }
            .Where(v => !string.IsNullOrWhiteSpace(v)).OfType<string>();

    private static string? Name(SessionAgent agent) => agent.Name ?? agent.Email ?? agent.Id;

    private static string? Party(System.Text.Json.JsonElement fields, string side) =>
        fields.TextOf($"{side}_agent_email") ?? fields.TextOf($"{side}_agent_id") ?? fields.TextOf($"{side}_queue_path") ?? fields.TextOf($"{side}_queue_id");

    private static string Status(SessionOutcome? status) => status switch
    {
        SessionOutcome.Completed => "completed",
        SessionOutcome.Abandoned => "abandoned",
        SessionOutcome.Failed => "failed",
        _ => "open",
    };

    private static string? Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string? Line(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label}: {value}";

    private static string? Joined(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first} — {second}";

    private static string Render(IEnumerable<string?> lines, bool html)
    {
        var present = lines.OfType<string>().ToList();
        return html
            ? "<p>" + string.Join("<br>", present.Select(WebUtility.HtmlEncode)) + "</p>"
            : string.Join('\n', present);
    }
}
