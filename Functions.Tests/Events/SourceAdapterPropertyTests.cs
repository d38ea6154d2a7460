using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>
/// Random and mutated bodies thrown at every adapter: each is either parsed into an event that serialises,
/// or rejected with <see cref="EventParseException"/>. Any other exception fails the property.
/// </summary>
public sealed class SourceAdapterPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(60);

    private static readonly string[] Names =
    [
        "event", "type", "data", "cdr", "id", "call_id", "chat_id", "session", "agent", "queue", "date", "guid",
        "channel", "member_channel_id", "attempt_id", "cc_result", "media_type", "media_id", "url", "format", "lost",
        "ans", "start", "answer", "end", "tz", "occurredAt", "agent_id", "agent_email", "queue_id", "queue_path",
        "to_agent_id", "from_queue_path", "ansAgtNum", "ansGroupName", "campaign", "agentFullName", "email", "name",
        "dType", "values", "user_id", "agent_name", "queue_name", "x", "",
    ];

    private static readonly string[] Texts =
    [
        "New_Call", "End_Call", "New_Chat", "End_Chat", "Media_Uploaded", "Recording_Available", "Voicemail_Available",
        "Agent_Login", "Transfer_Chat", "FinishInteraction", "InteractionDisposition", "AgentLog", "joined", "leaving",
        "queue.created", "queue.abandoned", "Nueva fila", "Grabación aprobada", "CloudSessionCdr", "Абонент вышел из очереди",
        "2023-48-13 06:48:51", "2024-05-29T09:37:45+01:00", "9999-12-31T23:59:59-14:00", "0001-01-01 00:00:00",
        "0001-01-01T00:00:00+14:00", "1716975465", "Europe/London", "Mars/Olympus", "../../etc/passwd",
        "https://media.example.com/a.mp3", "ftp://x", "photo", "video", "mp3", "wav", "success", "sucess", "", "   ",
        "webchat", "task", "ü", "\u00e9\u0301", "\U0001F600",
    ];

    // Written as JSON text: escapes that stress the reader, and numbers beyond every .NET numeric type.
    private static readonly string[] UnpairedSurrogates = ["\"\\uD800\"", "\"a\\uDC00b\"", "\"\\uDE00\\uD83D\""];

    private static readonly string[] RawScalars =
    [
        "\"\\uD83D\\uDE00\"", "\"\\u0000\"", "\"\\/\"", "0", "1", "-1", "1.5",
        "123456789012345678901234567890", "1e999", "-1e999", "1716975465000", "253402300800000", "9e18", "true", "false", "null",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        "application/json; charset=iso-8859-1", "application/json; charset=nope", "text/xml", ";;;", "application/json; charset=\"",
        "", "application/x-www-form-urlencoded; charset=latin1",
    ];

    private static readonly string[] Examples =
    [
        PrintedPayloads.UcontactAgentRingNoAnswer, PrintedPayloads.UcontactAgentBreak, WrittenPayloads.UcontactFinishInteraction,
        WrittenPayloads.CdrEnglish, PrintedPayloads.CdrFrenchAsPrinted, WrittenPayloads.VideskTemplateRendered,
        WrittenPayloads.Webitel("leaving"), WrittenPayloads.Webitel("joined"), PrintedPayloads.CcaiNewCall,
        PrintedPayloads.CcaiCallRedactionStarted, PrintedPayloads.CcaiTransferChatAsPrinted, WrittenPayloads.CcaiMediaUploaded,
        "cdr[id]=1&cdr[end]=2024-05-29T09:37:45Z&cdr[recordingIds][]=a&customData[hook]=x",
    ];

    private static readonly Gen<string> Source = Gen.Elements(SourceNames);

    private static readonly Gen<string?> ContentType = Gen.Elements<string?>(ContentTypes).OrNull();

    private static readonly Gen<string?> TypeHint = Gen.Elements<string?>("Call_Redaction_Started", "End_Call", "  ", "Unknown").OrNull();

    [Fact]
    public void Random_bytes_are_parsed_or_rejected_with_the_parse_error()
    {
        var bytes = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

        var input = from source in Source from body in bytes from contentType in ContentType select new Request(source, body, contentType, null);

        Check.One(Runs, Prop.ForAll(Arb.From(input), ParsesOrRejects));
    }

    [Fact]
    public void Random_JSON_values_are_parsed_or_rejected_with_the_parse_error()
    {
        var input = from source in Source from json in Gen.Sized(Value) from hint in TypeHint select new Request(source, Encoding.UTF8.GetBytes(json), "application/json", hint);

        Check.One(Runs, Prop.ForAll(Arb.From(input), ParsesOrRejects));
    }

    [Fact]
    public void Random_payload_shaped_objects_are_parsed_or_rejected_with_the_parse_error()
    {
        var input = from source in Source
                    from json in Gen.Sized(size => Shaped(source, size))
                    from hint in TypeHint
                    select new Request(source, Encoding.UTF8.GetBytes(json), "application/json", hint);

        Check.One(Runs, Prop.ForAll(Arb.From(input), ParsesOrRejects));
    }

    [Fact]
    public void Mutated_examples_are_parsed_or_rejected_with_the_parse_error()
    {
        var input = from source in Source
                    from example in Gen.Elements(Examples).Select(Encoding.UTF8.GetBytes)
                    from mutations in Mutation(example.Length).ListOf()
                    from contentType in ContentType
                    select new Request(source, mutations.Aggregate(example, (current, mutate) => mutate(current)), contentType, "End_Call");

        Check.One(Runs, Prop.ForAll(Arb.From(input), ParsesOrRejects));
    }

    [Fact]
    public void Random_form_bodies_are_parsed_or_rejected_with_the_parse_error()
    {
        var key = Gen.Frequency(
            (8, Gen.Elements("cdr[id]", "cdr[end]", "cdr[start]", "cdr[tz]", "cdr[lost]", "cdr[ansAgtNum]", "cdr[recordingIds][]", "cdr[directoryMatches][0][dirName]", "customData[k]", "triggerId")),
            (1, Gen.Elements("cdr", "cdr[]", "cdr[a][b]", "cdr[0]", "customData", "%5B", "a]", "[x]", "cdr%5Bid%5D", "cdr[id][x]")));
        var value = Gen.OneOf(Gen.Elements(Texts), Gen.Elements("%", "%zz", "%uD800", "%C3%28", "{\"id\":1}", "[1,2]", "{", "+", "a=b", "%7B%22id%22%3A%221%22%7D"));
        var pairs = Gen.Zip(key, value).ListOf().SelectMany(list => Gen.Frequency(
            (3, Gen.Constant(list.DistinctBy(p => p.Item1).ToList())),
            (1, Gen.Constant(list.ToList()))));
        var input = pairs.Select(list => new Request("cdr", Encoding.UTF8.GetBytes(string.Join("&", list.Select(p => p.Item1 + "=" + p.Item2))), "application/x-www-form-urlencoded", null));

        Check.One(Runs, Prop.ForAll(Arb.From(input), ParsesOrRejects));
    }

    /// <summary>The property: an event whose JSON can be written, or the typed parse error; anything else throws out of here.</summary>
    private static bool ParsesOrRejects(Request request)
    {
        try
        {
            var e = Adapter(request.Source).Parse(request.Body, request.ContentType, Context(request.TypeHint));
            var json = JsonSerializer.Serialize(e, EventJsonContext.Default.CanonicalEvent);
            return e.Source == request.Source && e.Data.ValueKind == JsonValueKind.Object && json.Length > 0;
        }
        catch (EventParseException error)
        {
            return error.Problem.Length > 0 && error.Field is not null;
        }
    }

    // Unpaired surrogates are rare so that most bodies get past the text check.
    private static Gen<string> Scalar() => Gen.Frequency(
        (8, Gen.Elements(Texts).Select(text => JsonSerializer.Serialize(text))),
        (4, Gen.Elements(RawScalars)),
        (1, Gen.Elements(UnpairedSurrogates)),
        (3, Gen.Choose(-1000, 2_000_000_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static Gen<string> Value(int size) => size <= 1
        ? Scalar()
        : Gen.Frequency(
            (3, Scalar()),
            (1, Value(size / 3).ListOf().Select(items => "[" + string.Join(",", items) + "]")),
            (2, Object(size / 3)));

    // Mostly distinct names: with duplicates allowed nearly every object would be rejected before the adapter looks at it.
    private static Gen<string> Object(int size) =>
        Gen.Zip(Gen.Elements(Names), Value(size)).ListOf()
            .SelectMany(members => Gen.Frequency(
                (9, Gen.Constant(members.DistinctBy(m => m.Item1).ToList())),
                (1, Gen.Constant(members.ToList()))))
            .Select(members => "{" + string.Join(",", members.Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>
    /// An object with the members the source reads first (its event name, its session id) ahead of random
    /// ones, so that generated bodies get past the event name into the mapping and the field checks.
    /// </summary>
    private static Gen<string> Shaped(string source, int size)
    {
        var id = Gen.OneOf(Scalar(), Gen.Elements("\"103646\"", "73522", "\"\"", "{}", "[]"));
        return source switch
        {
            "ucontact" => Members(size, ("event", Name("FinishInteraction", "InteractionDisposition", "AgentLog", "AgentRingNoAnswer")), ("guid", id), ("date", Scalar())),
            "cdr" => Gen.Zip(Members(size, ("id", id), ("end", Scalar()), ("lost", Scalar())), Object(size)).Select(p => $$"""{"cdr":{{p.Item1}},"customData":{{p.Item2}}}"""),
            "videsk" => Gen.Zip(Name("queue.created", "Fila abandonada", "call.created", "user.created", "Nueva grabación"), Members(size, ("id", id), ("channel", Scalar())))
                .SelectMany(p => Members(size, ("event", Gen.Constant(p.Item1)), ("session", Gen.Constant(p.Item2)), ("occurredAt", Scalar()))),
            "webitel" => Members(size, ("event", Name("joined", "leaving", "offering", "Постобработка")), ("member_channel_id", id), ("attempt_id", id), ("cc_result", Scalar())),
            _ => Gen.Zip(Name("New_Call", "End_Call", "New_Chat", "End_Chat", "Media_Uploaded", "Recording_Available", "Voicemail_Available", "Transfer_Chat", "Cobrowse_Session_Ended"),
                    Members(size, ("call_id", id), ("chat_id", id), ("media_type", Scalar()), ("media_id", id), ("format", Scalar()), ("url", Scalar())))
                .Select(p => $$"""{"type":{{p.Item1}},"data":{{p.Item2}}}"""),
        };
    }

    private static Gen<string> Name(params string[] names) =>
        Gen.Frequency((4, Gen.Elements(names)), (1, Gen.Elements(Texts))).Select(name => JsonSerializer.Serialize(name));

    /// <summary>An object whose leading members are each present three times in four, followed by random members.</summary>
    private static Gen<string> Members(int size, params (string Name, Gen<string> Value)[] leading)
    {
        var chosen = leading
            .Select(member => Gen.Frequency(
                (3, member.Value.Select(value => JsonSerializer.Serialize(member.Name) + ":" + value)),
                (1, Gen.Constant(""))))
            .ToArray();
        return Gen.CollectToArray(chosen).SelectMany(members => Object(size).Select(rest =>
        {
            var parts = members.Where(m => m.Length > 0).ToList();
            if (rest.Length > 2)
            {
                parts.Add(rest[1..^1]);
            }

            return "{" + string.Join(",", parts) + "}";
        }));
    }

    private static Gen<Func<byte[], byte[]>> Mutation(int length)
    {
        var at = Gen.Choose(0, Math.Max(0, length));
        var junk = Gen.Elements("\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\\uD800", "\u00ff", "1e999", "null", "\"event\":", "\"type\":\"End_Call\",");
        return Gen.OneOf(
            Gen.Zip(at, Gen.Choose(0, 255)).Select<(int, int), Func<byte[], byte[]>>(p => body => Replace(body, p.Item1, (byte)p.Item2)),
            Gen.Zip(at, Gen.Choose(1, 12)).Select<(int, int), Func<byte[], byte[]>>(p => body => Delete(body, p.Item1, p.Item2)),
            Gen.Zip(at, junk).Select<(int, string), Func<byte[], byte[]>>(p => body => Insert(body, p.Item1, Encoding.UTF8.GetBytes(p.Item2))),
            at.Select<int, Func<byte[], byte[]>>(cut => body => body[..Math.Min(cut, body.Length)]));
    }

    private static byte[] Replace(byte[] body, int at, byte value)
    {
        if (at >= body.Length)
        {
            return body;
        }

        var copy = (byte[])body.Clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] Delete(byte[] body, int at, int count)
    {
        var start = Math.Min(at, body.Length);
        var end = Math.Min(body.Length, start + count);
        return [.. body[..start], .. body[end..]];
    }

    private static byte[] Insert(byte[] body, int at, byte[] junk)
    {
        var start = Math.Min(at, body.Length);
        return [.. body[..start], .. junk, .. body[start..]];
    }

    /// <summary>One generated request; its ToString is what FsCheck prints for a counterexample.</summary>
    public sealed record Request(string Source, byte[] Body, string? ContentType, string? TypeHint)
    {
        public override string ToString() =>
            $"{Source} {ContentType ?? "(no content type)"} hint={TypeHint ?? "(none)"} body={Convert.ToHexString(Body)} \"{Encoding.UTF8.GetString(Body)}\"";
    }
}
