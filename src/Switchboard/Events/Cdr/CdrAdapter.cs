using System.Text.Json;
using Switchboard.Events.Payloads;

namespace Switchboard.Events.Cdr;

/// <summary>
/// A cloud PBX's post-call webhook (its "Webhooks" document):
/// <c>{triggerId, id, tenantId, cdr{…CloudSessionCdr…}, customData}</c> as JSON or as form data (<c>cdr[id]=…</c>, or
/// <c>cdr</c> and <c>customData</c> holding JSON text). One webhook carries one finished call, so every event ends its
/// session.
/// <list type="table">
/// <listheader><term>event</term><description>lifecycle · session id · channel</description></listheader>
/// <item><term><c>cdr.dType</c> (CloudSessionCdr when absent)</term><description>ended · <c>cdr.id</c> (required) · call</description></item>
/// </list>
/// Outcome: abandoned when <c>cdr.lost</c> is 1, completed when the call was answered (<c>cdr.ans</c> 1 or
/// an <c>answer</c> time), otherwise unknown. Occurred at <c>cdr.end</c>, else <c>answer</c>, else
/// <c>start</c>; times without an offset are read in <c>cdr.tz</c> (UTC when unknown). Agent: the answering
/// agent (<c>ansAgtNum</c>/<c>ansAgtName</c>), else the last answering, last rung and first rung agent, then
/// the same for users (<c>…UsrNum</c>). Queue: <c>ansGroupName</c>, else <c>lRngGroupName</c>, else
/// <c>fRngGroupName</c>, as id and name (CDRs carry no group id).
/// </summary>
public sealed class CdrAdapter : ISourceAdapter
{
    /// <summary>The source name in the ingest route.</summary>
    public const string SourceName = "cdr";

    /// <summary>The CDR record type the post-call "Webhooks" document names, used when <c>cdr.dType</c> is absent.</summary>
    public const string CloudSessionCdr = "CloudSessionCdr";

    private static readonly IReadOnlySet<string> JsonFormFields = new HashSet<string>(StringComparer.Ordinal) { "cdr", "customData" };

    private static readonly (string Number, string Name)[] HandlerFields =
    [
        ("ansAgtNum", "ansAgtName"), ("lAnsAgtNum", "lAnsAgtName"), ("lRngAgtNum", "lRngAgtName"), ("fRngAgtNum", "fRngAgtName"),
        ("ansUsrNum", "ansUsrName"), ("lAnsUsrNum", "lAnsUsrName"), ("lRngUsrNum", "lRngUsrName"), ("fRngUsrNum", "fRngUsrName"),
    ];

    private static readonly string[] GroupFields = ["ansGroupName", "lRngGroupName", "fRngGroupName"];

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = PayloadReader.ReadObjectOrForm(body, contentType, JsonFormFields);
        var cdr = root.RequiredObject("cdr", "", "a post-call webhook carries the call record in 'cdr'");
        var type = cdr.Scalar("dType", "/cdr") ?? CloudSessionCdr;
        var flags = new List<string>();
        cdr.TryGetProperty("end", out var end);
        cdr.TryGetProperty("answer", out var answer);
        cdr.TryGetProperty("start", out var start);
        var group = First(cdr, GroupFields);
        return context.Event(SourceName, type, root, EventTimestamp.OccurredAt([end, answer, start], CallZone(cdr), context.ReceivedAt, flags)) with
        {
            Session = EventSession.For(cdr.Identifier("id", "/cdr"), SessionChannels.Call, SessionLifecycle.Ended, type, "/cdr/id", Outcome(cdr, answer)),
            Agent = Handler(cdr),
            Queue = EventQueue.From(group, group),
            Flags = flags,
        };
    }

    private static SessionOutcome? Outcome(JsonElement cdr, JsonElement answer)
    {
        if (cdr.Flag("lost") == true)
        {
            return SessionOutcome.Abandoned;
        }

        var answered = cdr.Flag("ans") == true
            || EventTimestamp.Read(answer, TimeZoneInfo.Utc, out _) == TimestampReading.Read;
        return answered ? SessionOutcome.Completed : null;
    }

    private static TimeZoneInfo CallZone(JsonElement cdr) =>
        cdr.Scalar("tz", "/cdr") is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static EventAgent? Handler(JsonElement cdr)
    {
        foreach (var (number, name) in HandlerFields)
        {
            if (EventAgent.From(cdr.Scalar(number, "/cdr"), null, cdr.Scalar(name, "/cdr")) is { } agent)
            {
                return agent;
            }
        }

        return null;
    }

    private static string? First(JsonElement obj, string[] names)
    {
        foreach (var name in names)
        {
            if (obj.Scalar(name, "/cdr") is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
