using System.Text;
using Switchboard.Events;

namespace Switchboard.Tests.Events;

/// <summary>Sends a body through an adapter the way the ingest endpoint will: bytes, a Content-Type and a fixed context.</summary>
internal static class SourceRequests
{
    public static readonly DateTimeOffset ReceivedAt = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly SourceAdapters Adapters = new(new SourceOptions());

    public static readonly string[] SourceNames = ["ucontact", "cdr", "videsk", "webitel", "ccai"];

    public static SourceContext Context(string? typeHint = null) =>
        new() { Tenant = "default", ReceivedAt = ReceivedAt, EventId = "evt_0123456789abcdef0123456789abcdef", TypeHint = typeHint };

    public static ISourceAdapter Adapter(string source) =>
        Adapters.Find(source) ?? throw new ArgumentOutOfRangeException(nameof(source), source, "No such adapter.");

    public static CanonicalEvent Parse(string source, string body, string? contentType = "application/json", string? typeHint = null) =>
        Parse(Adapter(source), body, contentType, typeHint);

    public static CanonicalEvent Parse(ISourceAdapter adapter, string body, string? contentType = "application/json", string? typeHint = null) =>
        adapter.Parse(Encoding.UTF8.GetBytes(body), contentType, Context(typeHint));

    public static EventParseException Reject(string source, string body, string? contentType = "application/json") =>
        Assert.Throws<EventParseException>(() => Parse(source, body, contentType));

    public static EventParseException Reject(string source, byte[] body, string? contentType = "application/json") =>
        Assert.Throws<EventParseException>(() => Adapter(source).Parse(body, contentType, Context()));

    /// <summary>
    /// A small valid body for <paramref name="source"/> with <paramref name="extra"/> (a JSON value) added as
    /// property "extra", for tests of the structural rules every adapter shares.
    /// </summary>
    public static string MinimalBody(string source, string extra = "null") => source switch
    {
        "ucontact" => $$"""{"event":"AgentLog","agent":"a","extra":{{extra}}}""",
        "cdr" => $$"""{"cdr":{"id":"c-1"},"extra":{{extra}}}""",
        "videsk" => $$"""{"event":"user.created","extra":{{extra}}}""",
        "webitel" => $$"""{"event":"offering","member_channel_id":"m-1","extra":{{extra}}}""",
        "ccai" => $$"""{"type":"Agent_Login","data":{"agent_id":1},"extra":{{extra}}}""",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "No such adapter."),
    };

    public static TheoryData<string> Sources() => new(SourceNames);
}
