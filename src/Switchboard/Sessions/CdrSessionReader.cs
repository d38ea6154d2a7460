using System.Collections.Frozen;
using System.Text.Json;
using Switchboard.Events;
using Switchboard.Events.Payloads;

namespace Switchboard.Sessions;

/// <summary>
/// Reads a post-call CDR webhook (the "Webhooks" document) into a <see cref="SessionFold"/>: one event that states the
/// whole call — start, answer and end (in <c>tz</c>), <c>dur</c>, <c>ring</c> (the wait), <c>talk</c> + <c>hold</c>
/// (the handle time), <c>dir</c> (the session type), <c>cause</c>, the answering agents (else users), the caller (the
/// callee for outbound calls) with the first directory match's name, the webhook's <c>customData</c> and the call's
/// <c>tags</c>.
/// </summary>
internal static class CdrSessionReader
{
    private static readonly FrozenDictionary<string, string> Directions = new Dictionary<string, string>
    {
        ["0"] = "unknown",
        ["1"] = "internal",
        ["2"] = "inbound",
        ["3"] = "outbound",
        ["4"] = "both",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Number, string Name)[] AnsweringAgents = [("ansAgtNum", "ansAgtName"), ("lAnsAgtNum", "lAnsAgtName")];

    private static readonly (string Number, string Name)[] AnsweringUsers = [("ansUsrNum", "ansUsrName"), ("lAnsUsrNum", "lAnsUsrName")];

    public static void Read(SessionFold fold, CanonicalEvent canonical)
    {
        var root = canonical.Data;
        var cdr = root.ObjectOf("cdr") ?? root;
        var zone = cdr.TextOf("tz") is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var answer = Time(cdr, "answer", zone);
        fold.PlatformStart = Time(cdr, "start", zone) ?? fold.PlatformStart;
        fold.PlatformEnd = Time(cdr, "end", zone) ?? fold.PlatformEnd;
        fold.Duration = cdr.NumberOf("dur") ?? fold.Duration;
        fold.WaitTime = cdr.NumberOf("ring") ?? fold.WaitTime;
        var hold = cdr.NumberOf("hold");
        fold.HoldTime = hold ?? fold.HoldTime;
        if (cdr.NumberOf("talk") is { } talk)
        {
            fold.HandleTime = talk + (hold ?? 0);
        }

        var direction = cdr.TextOf("dir");
        fold.SessionType = direction is not null && Directions.TryGetValue(direction, out var type) ? type : fold.SessionType;
        fold.EndReason = cdr.TextOf("cause") ?? fold.EndReason;

        // The first answerer joined at the answer; when the last one did, the CDR does not say.
        var answerers = AnsweringAgents.Any(pair => (cdr.TextOf(pair.Number) ?? cdr.TextOf(pair.Name)) is not null) ? AnsweringAgents : AnsweringUsers;
        for (var i = 0; i < answerers.Length; i++)
        {
            fold.JoinAgent(cdr.TextOf(answerers[i].Number), null, null, cdr.TextOf(answerers[i].Name), i == 0 ? answer : null);
        }

        var outbound = direction == "3";
        var contact = cdr.TryGetProperty("directoryMatches", out var matches) && matches.ValueKind == JsonValueKind.Array && matches.GetArrayLength() > 0
            ? matches[0].ObjectOf("fields")
            : null;
        fold.SetEndUser(
            name: cdr.TextOf(outbound ? "ddiName" : "cliName") ?? contact?.TextOf("fullName"),
            phone: cdr.TextOf(outbound ? "ddiNum" : "cliNum"),
            email: contact?.TextOf("email"));

        fold.SetExternalId("pbxId", cdr.TextOf("pbxId"));
        fold.SetExternalId("triggerId", root.TextOf("triggerId"));
        fold.SetExternalId("tenantId", root.TextOf("tenantId"));
        if (cdr.TryGetProperty("recordingIds", out var recordings) && recordings.ValueKind == JsonValueKind.Array)
        {
            var ids = recordings.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()?.Trim() : null).OfType<string>().ToList();
            fold.SetExternalId("recordingIds", ids.Count > 0 ? string.Join(',', ids) : null);
        }

        if (root.ObjectOf("customData") is { } custom)
        {
            foreach (var property in custom.EnumerateObject())
            {
                fold.SetCustomData(property.Name, property.Value);
            }
        }

        if (cdr.ValueOf("tags") is { } tags)
        {
            fold.Tags = tags.Clone();
        }
    }

    private static DateTimeOffset? Time(JsonElement cdr, string name, TimeZoneInfo zone) =>
        cdr.TryGetProperty(name, out var value) && EventTimestamp.Read(value, zone, out var at) == TimestampReading.Read ? at.ToUniversalTime() : null;
}
