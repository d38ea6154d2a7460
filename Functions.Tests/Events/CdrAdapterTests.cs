using System.Text.Json;
using System.Web;
using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>Post-call CDR webhooks (the "Webhooks" document), as JSON and as form data.</summary>
public sealed class CdrAdapterTests
{
    private const string FormType = "application/x-www-form-urlencoded";

    [Fact]
    public void The_French_example_as_printed_is_not_JSON_and_is_rejected()
    {
        var error = Reject("cdr", PrintedPayloads.CdrFrenchAsPrinted);

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
        Assert.Contains("line 2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_English_example_is_one_ended_call()
    {
        var e = Parse("cdr", WrittenPayloads.CdrEnglish);

        Assert.Equal("cdr", e.Source);
        Assert.Equal("CloudSessionCdr", e.Type);
        Assert.Equal(
            new EventSession { Id = "00000000-0000-0000-0000-000000000000", Channel = SessionChannels.Call, Lifecycle = SessionLifecycle.Ended, Outcome = SessionOutcome.Abandoned },
            e.Session);
        Assert.Equal(new DateTimeOffset(2024, 5, 29, 8, 37, 45, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
        Assert.Equal(new EventAgent { Id = "302", Name = "Test User" }, e.Agent);
        Assert.Null(e.Queue);
        Assert.Empty(e.Flags);
        Assert.Equal("after-call", e.Data.GetProperty("customData").GetProperty("hook").GetString());
        Assert.Equal("+44700000000", e.Data.GetProperty("cdr").GetProperty("cliNum").GetString());
    }

    [Fact]
    public void An_answered_call_is_completed_and_names_the_answering_agent_and_group()
    {
        var e = Parse("cdr", """
            {"triggerId":"t","id":"i","tenantId":"x","cdr":{"id":"c-9","tz":"Europe/London","start":"2024-05-29 09:37:35","answer":"2024-05-29 09:37:40","end":"2024-05-29 09:39:00",
             "lost":0,"ans":1,"fRngAgtNum":"301","ansAgtNum":"302","ansAgtName":"Kim","lRngGroupName":"Sales","ansGroupName":"Support"}}
            """);

        Assert.Equal(SessionOutcome.Completed, e.Session?.Outcome);
        Assert.Equal(new EventAgent { Id = "302", Name = "Kim" }, e.Agent);
        Assert.Equal(new EventQueue { Id = "Support", Name = "Support" }, e.Queue);
        Assert.Equal(new DateTimeOffset(2024, 5, 29, 8, 39, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void Without_an_end_time_the_answer_then_the_start_time_is_used()
    {
        var e = Parse("cdr", """{"cdr":{"id":"c-1","start":"2024-05-29T09:37:35Z","answer":"2024-05-29T09:37:40Z"}}""");

        Assert.Equal(new DateTimeOffset(2024, 5, 29, 9, 37, 40, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(SessionOutcome.Completed, e.Session?.Outcome);
    }

    [Fact]
    public void An_unreadable_time_falls_back_to_the_receive_time_with_a_flag()
    {
        var e = Parse("cdr", """{"cdr":{"id":"c-1","end":"yesterday"}}""");

        Assert.Equal(ReceivedAt, e.OccurredAt);
        Assert.Equal(new[] { EventFlags.DateUnparseable }, e.Flags);
        Assert.Null(e.Session?.Outcome);
    }

    [Fact]
    public void A_form_body_with_bracketed_keys_reads_like_the_JSON_body()
    {
        var form = ToForm(JsonDocument.Parse(WrittenPayloads.CdrEnglish).RootElement);

        var e = Parse("cdr", form, FormType);

        var json = Parse("cdr", WrittenPayloads.CdrEnglish);
        Assert.Equal(json.Type, e.Type);
        Assert.Equal(json.Session, e.Session);
        Assert.Equal(json.OccurredAt, e.OccurredAt);
        Assert.Equal(json.Agent, e.Agent);
        Assert.Equal("10", e.Data.GetProperty("cdr").GetProperty("dur").GetString());
        Assert.Equal(JsonValueKind.Array, e.Data.GetProperty("cdr").GetProperty("recordingIds").ValueKind);
        Assert.Equal("301", e.Data.GetProperty("cdr").GetProperty("directoryMatches")[0].GetProperty("fields").GetProperty("field10").GetString());
    }

    [Fact]
    public void A_form_body_may_carry_the_cdr_as_JSON_text()
    {
        var envelope = JsonDocument.Parse(WrittenPayloads.CdrEnglish).RootElement;
        var form = $"triggerId=t-1&id=i-1&tenantId=x-1&cdr={Uri.EscapeDataString(envelope.GetProperty("cdr").GetRawText())}&customData={Uri.EscapeDataString("""{"hook":"after-call"}""")}";

        var e = Parse("cdr", form, FormType + "; charset=utf-8");

        Assert.Equal("00000000-0000-0000-0000-000000000000", e.Session?.Id);
        Assert.Equal(1, e.Data.GetProperty("cdr").GetProperty("lost").GetInt32());
        Assert.Equal("after-call", e.Data.GetProperty("customData").GetProperty("hook").GetString());
        Assert.Equal("t-1", e.Data.GetProperty("triggerId").GetString());
    }

    [Fact]
    public void A_repeated_form_field_is_rejected_naming_it()
    {
        var error = Reject("cdr", "cdr[id]=a&cdr[id]=b", FormType);

        Assert.Equal(EventParseProblem.DuplicateProperty, error.Kind);
        Assert.Equal("/cdr/id", error.Field);
    }

    [Theory]
    [InlineData("cdr[id]=c-1&cdr[caller]=%FF", "/cdr/caller")]
    [InlineData("cdr[id]=c-1&cdr[caller]=%C3", "/cdr/caller")]
    [InlineData("cdr[id]=c-1&cdr%FF=x", "")]
    public void Percent_encoding_that_is_not_UTF8_is_rejected_naming_the_field(string form, string field)
    {
        var error = Reject("cdr", form, FormType);

        Assert.Equal(EventParseProblem.InvalidText, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Percent_encoding_is_read_in_the_declared_charset_and_literal_text_as_sent()
    {
        var body = System.Text.Encoding.Latin1.GetBytes("cdr[id]=c-1&cdr[caller]=Mar%EDa+Jos%E9&cdr[note]=ñ%25");

        var e = Adapter("cdr").Parse(body, FormType + "; charset=ISO-8859-1", Context());

        Assert.Equal("María José", e.Data.GetProperty("cdr").GetProperty("caller").GetString());
        Assert.Equal("ñ%", e.Data.GetProperty("cdr").GetProperty("note").GetString());
    }

    [Fact]
    public void Form_keys_nested_deeper_than_the_limit_are_rejected()
    {
        var key = "cdr" + string.Concat(Enumerable.Repeat("[a]", 70));

        var error = Reject("cdr", HttpUtility.UrlEncode(key) + "=1", FormType);

        Assert.Equal(EventParseProblem.TooDeep, error.Kind);
    }

    [Fact]
    public void A_body_without_cdr_is_rejected()
    {
        var error = Reject("cdr", """{"triggerId":"t","id":"i","tenantId":"x"}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/cdr", error.Field);
    }

    [Fact]
    public void A_cdr_given_as_a_string_is_rejected()
    {
        var error = Reject("cdr", """{"cdr":"{\"id\":\"c-1\"}"}""");

        Assert.Equal(EventParseProblem.WrongFieldType, error.Kind);
        Assert.Equal("/cdr", error.Field);
    }

    [Fact]
    public void A_cdr_without_its_session_id_is_rejected()
    {
        var error = Reject("cdr", """{"cdr":{"dType":"CloudSessionCdr","start":"2024-05-29T09:37:35+01:00"}}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/cdr/id", error.Field);
    }

    [Fact]
    public void Multipart_bodies_are_an_unsupported_content_type()
    {
        var error = Reject("cdr", "--x--", "multipart/form-data; boundary=x");

        Assert.Equal(EventParseProblem.UnsupportedContentType, error.Kind);
    }

    /// <summary>Flattens JSON into form fields the way PHP and jQuery do: a[b][0][c]=v.</summary>
    private static string ToForm(JsonElement root)
    {
        var pairs = new List<string>();
        Flatten(root, "", pairs);
        return string.Join("&", pairs);
    }

    private static void Flatten(JsonElement value, string key, List<string> pairs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Flatten(property.Value, key.Length == 0 ? property.Name : $"{key}[{property.Name}]", pairs);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(item, $"{key}[{index++}]", pairs);
                }

                break;
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                pairs.Add(HttpUtility.UrlEncode(key) + "=" + HttpUtility.UrlEncode(text));
                break;
        }
    }
}
