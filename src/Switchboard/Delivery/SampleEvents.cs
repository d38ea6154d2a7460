using System.Text;
using Switchboard.Events;

namespace Switchboard.Delivery;

/// <summary>
/// A realistic event per source for trying a trigger out (<c>POST /api/triggers/{id}/test</c>): a small payload in the
/// platform's own shape, parsed by its adapter, so the test request looks like a real one.
/// </summary>
public static class SampleEvents
{
    private static readonly SourceAdapters Adapters = new(new SourceOptions());

    private static readonly Dictionary<string, string> Payloads = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ucontact"] = """{"event":"FinishInteraction","date":"2024-05-29 09:37:45","guid":"9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f","campaign":"Ventas<-","agent":"agentTest","duration":321,"clientId":"59899123456","channel":"telephony"}""",
        ["cdr"] = """{"triggerId":"00000000-0000-0000-0000-000000000000","id":"00000000-0000-0000-0000-000000000000","tenantId":"00000000-0000-0000-0000-000000000000","cdr":{"id":"00000000-0000-0000-0000-000000000001","dType":"CloudSessionCdr","sVer":1,"tz":"Europe/London","start":"2024-05-29T09:37:35+01:00","end":"2024-05-29T09:37:45+01:00","dur":10,"ring":10,"lost":0,"cause":"NORMAL_CLEARING","dir":2,"type":2,"cliNum":"+44700000000","ddiNum":"+441610000000","ansAgtNum":"302","ansAgtName":"Test User","ansGroupName":"Support","hasRec":1,"tags":{"Support":"stage1"}}}""",
        ["videsk"] = """{"event":"call.created","occurredAt":"2024-05-29T09:37:45Z","session":{"id":"6651f0c2a1b3","channel":"call"},"agent":{"id":"a-1","email":"kim@example.com","name":"Kim"},"queue":{"id":"q-7","name":"Ventas"},"values":{"customerName":"Ana"}}""",
        ["webitel"] = """{"event":"leaving","channel":"call","attempt_id":5123,"destination":"+380441234567","member_channel_id":"a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b","agent_name":"Olena","agent_id":77,"cc_result":"success","call_duration":130,"queue_id":"12","queue_name":"Support"}""",
        ["ccai"] = """{"type":"End_Call","data":{"agent_id":1,"agent_email":"kim@example.com","queue_id":8469,"queue_path":"Developers / Kim","call_id":103646,"session_type":"Voice Inbound"}}""",
    };

    /// <summary>The sources that have a sample.</summary>
    public static IReadOnlyCollection<string> Sources => Payloads.Keys;

    /// <summary>
    /// A sample event of <paramref name="source"/> (cdr when null or unknown) for <paramref name="tenant"/>, received
    /// at <paramref name="now"/>, with its type replaced by <paramref name="type"/> when given.
    /// </summary>
    public static CanonicalEvent For(string? source, string? type, string tenant, DateTimeOffset now)
    {
        var name = source is not null && Payloads.ContainsKey(source) ? source : "cdr";
        var adapter = Adapters.Find(name) ?? throw new InvalidOperationException($"No adapter for sample source {name}.");
        var canonical = adapter.Parse(Encoding.UTF8.GetBytes(Payloads[name]), "application/json", SourceContext.Create(tenant, now));
        return string.IsNullOrWhiteSpace(type) || type == "*" ? canonical : canonical with { Type = type };
    }
}
