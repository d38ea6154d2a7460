using System.Text;
using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>The structural rules every adapter shares: what is rejected, with which problem and where, and what is kept as sent.</summary>
public sealed class PayloadStructureTests
{
    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void A_body_that_is_not_JSON_is_rejected(string source)
    {
        var error = Reject(source, "event=AgentLog");

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void An_empty_body_is_rejected(string source)
    {
        var error = Reject(source, " \r\n");

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
        Assert.Equal("", error.Field);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void A_top_level_array_or_scalar_is_rejected(string source)
    {
        Assert.Equal(EventParseProblem.WrongTopLevelType, Reject(source, $"[{MinimalBody(source)}]").Kind);
        Assert.Equal(EventParseProblem.WrongTopLevelType, Reject(source, "\"AgentLog\"").Kind);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void Nesting_of_64_levels_is_accepted_and_65_rejected_naming_the_place(string source)
    {
        // The body object is level 1 and "extra" opens level 2.
        var accepted = Parse(source, MinimalBody(source, Nested(63)));
        Assert.Equal(source, accepted.Source);

        var error = Reject(source, MinimalBody(source, Nested(64)));

        Assert.Equal(EventParseProblem.TooDeep, error.Kind);
        Assert.Equal("/extra" + string.Concat(Enumerable.Repeat("/0", 63)), error.Field);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void Duplicate_property_names_are_rejected_naming_the_property(string source)
    {
        var error = Reject(source, MinimalBody(source, """{"a":1,"b":{"c":1,"c":2}}"""));

        Assert.Equal(EventParseProblem.DuplicateProperty, error.Kind);
        Assert.Equal("/extra/b/c", error.Field);
    }

    [Fact]
    public void Duplicates_spelled_differently_with_escapes_are_still_duplicates()
    {
        var error = Reject("videsk", """{"event":"user.created","event\u0020":1,"ev\u0065nt":"form.created"}""");

        Assert.Equal(EventParseProblem.DuplicateProperty, error.Kind);
        Assert.Equal("/event", error.Field);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void Numbers_beyond_long_and_double_are_kept_exactly_as_sent(string source)
    {
        var e = Parse(source, MinimalBody(source, "[123456789012345678901234567890, 1e999, -0.000000000000000000000000001]"));

        Assert.Equal("[123456789012345678901234567890, 1e999, -0.000000000000000000000000001]", e.Data.GetProperty("extra").GetRawText());
    }

    [Fact]
    public void An_id_beyond_long_keeps_every_digit()
    {
        var e = Parse("ccai", """{"type":"End_Call","data":{"call_id":123456789012345678901234567890}}""");

        Assert.Equal("123456789012345678901234567890", e.Session?.Id);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void An_escaped_unpaired_surrogate_is_rejected_naming_the_string(string source)
    {
        var error = Reject(source, MinimalBody(source, """["ok", "x\uD800"]"""));

        Assert.Equal(EventParseProblem.InvalidText, error.Kind);
        Assert.Equal("/extra/1", error.Field);
    }

    [Fact]
    public void An_escaped_unpaired_surrogate_in_a_property_name_is_rejected()
    {
        var error = Reject("webitel", """{"event":"joined","member_channel_id":"m","\uDC00":1}""");

        Assert.Equal(EventParseProblem.InvalidText, error.Kind);
    }

    [Fact]
    public void An_escaped_surrogate_pair_is_text_like_any_other()
    {
        var e = Parse("videsk", """{"event":"user.created","agent":{"name":"Ana \uD83D\uDE00"}}""");

        Assert.Equal("Ana \U0001F600", e.Agent?.Name);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void Invalid_UTF8_is_rejected(string source)
    {
        var body = Encoding.UTF8.GetBytes(MinimalBody(source, "\"caf\u00e9\"")).ToList();
        body[body.IndexOf(0xC3)] = 0xFF;

        var error = Reject(source, body.ToArray());

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
        Assert.Contains("UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sources), MemberType = typeof(SourceRequests))]
    public void A_byte_order_mark_is_skipped(string source)
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MinimalBody(source))).ToArray();

        var e = Adapter(source).Parse(body, "application/json", Context());

        Assert.Equal(source, e.Source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=UTF-8")]
    [InlineData("text/json")]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/cloudevents+json")]
    public void JSON_is_accepted_under_every_JSON_content_type(string? contentType)
    {
        var e = Parse("ccai", PrintedPayloads.CcaiNewCall, contentType);

        Assert.Equal("New_Call", e.Type);
    }

    [Theory]
    [InlineData("ucontact", "application/xml")]
    [InlineData("ccai", "application/x-www-form-urlencoded")]
    [InlineData("webitel", "multipart/form-data; boundary=b")]
    [InlineData("videsk", "application/json; charset=klingon")]
    [InlineData("ucontact", "application/json; charset=utf-7")]
    [InlineData("cdr", "application/x-www-form-urlencoded; charset=UTF-7")]
    [InlineData("webitel", "application/jsonx")]
    public void Other_content_types_and_charsets_are_unsupported(string source, string contentType)
    {
        var error = Reject(source, MinimalBody(source), contentType);

        Assert.Equal(EventParseProblem.UnsupportedContentType, error.Kind);
    }

    [Fact]
    public void A_latin1_body_is_read_in_its_declared_charset()
    {
        var body = Encoding.Latin1.GetBytes("""{"event":"AgentBreak","agent":"agentTest","motive":"Almuerzo en la cafetería"}""");

        var e = Adapter("ucontact").Parse(body, "application/json; charset=ISO-8859-1", Context());

        Assert.Equal("Almuerzo en la cafetería", e.Data.GetProperty("motive").GetString());
    }

    [Fact]
    public void A_body_that_is_not_text_in_its_declared_charset_is_rejected_not_patched()
    {
        // UTF-16 with half a surrogate pair: decoding it leniently would put U+FFFD where the platform sent something else.
        var body = Encoding.Unicode.GetBytes("""{"event":"AgentBreak","agent":"a","motive":"x"}""").Concat(new byte[] { 0x00, 0xD8 }).ToArray();

        var error = Reject("ucontact", body, "application/json; charset=utf-16");

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
    }

    [Fact]
    public void Trailing_commas_are_tolerated()
    {
        var e = Parse("webitel", """{"event":"offering","member_channel_id":"m-1","vars":[1,2,],}""");

        Assert.Equal("offering", e.Type);
    }

    [Fact]
    public void Comments_are_not_JSON()
    {
        var error = Reject("webitel", "{\"event\":\"offering\", // the hook\n\"member_channel_id\":\"m-1\"}");

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
    }

    [Fact]
    public void The_error_message_names_the_field_and_the_problem()
    {
        var error = Reject("cdr", """{"cdr":[]}""");

        Assert.Equal("/cdr: expected an object, got an array", error.Message);
    }

    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);
}
