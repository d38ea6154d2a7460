using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// The scheduled work that runs a session's CRM sync (<see cref="CrmSessionSync"/>): kind <see cref="Kind"/>, payload
/// <c>{"tenant", "channel", "sessionId"}</c>. Any number of them may be queued for a session: each run does what is
/// due and nothing twice.
/// </summary>
public static class CrmWork
{
    /// <summary>The work's kind.</summary>
    public const string Kind = "crm-sync";

    /// <summary>The work that syncs <paramref name="session"/>; <paramref name="reason"/> (an event id, <c>export</c>, <c>retry-{ticks}</c>) names it in logs and, with the session, in its instance id: a run that schedules itself names the due time, so its own instance never refuses it.</summary>
    public static PipelineWork For(SessionKey session, string reason)
    {
        ArgumentNullException.ThrowIfNull(session);
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["tenant"] = session.Tenant,
            ["channel"] = session.Channel,
            ["sessionId"] = session.SessionId,
        });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(session.PartitionKey)))[..16];
        return new PipelineWork(Kind, $"{hash}-{Uri.EscapeDataString(reason)}", payload);
    }

    /// <summary>The session <paramref name="work"/> syncs; throws <see cref="PoisonMessageException"/> when its payload names none.</summary>
    public static SessionKey Session(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var payload = work.Payload;
        static string? Text(JsonElement payload, string name) =>
            payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

        return Text(payload, "tenant") is { } tenant && Text(payload, "channel") is { } channel && Text(payload, "sessionId") is { } id
            ? new SessionKey(tenant, channel, id)
            : throw new PoisonMessageException($"CRM work {work.Id} names no session: its payload needs tenant, channel and sessionId.");
    }
}
