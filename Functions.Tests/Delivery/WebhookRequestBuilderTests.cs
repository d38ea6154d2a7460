using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

public sealed class WebhookRequestBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private const string Tricky = "Say \"hi\" <b>&amp; a/b 😀 日本語 Ünïcödé";

    private static string Text(WebhookRequest request) => Encoding.UTF8.GetString(request.Body.Span);

    private static string Header(WebhookRequest request, string name) =>
        request.Headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public void The_default_json_body_is_the_envelope_with_custom_data()
    {
        var canonical = DeliveryHarness.Event();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger("https://crm.example.com/hook"), canonical, "dlv_1", Now);
        var body = JsonDocument.Parse(request.Body).RootElement;

        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            ["triggerId", "id", "tenantId", "event", "source", "date", "session", "data", "customData"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("crm", body.GetProperty("triggerId").GetString());
        Assert.Equal(canonical.Id, body.GetProperty("id").GetString());
        Assert.Equal("default", body.GetProperty("tenantId").GetString());
        Assert.Equal("CloudSessionCdr", body.GetProperty("event").GetString());
        Assert.Equal("cdr", body.GetProperty("source").GetString());
        Assert.Equal(canonical.OccurredAt, body.GetProperty("date").GetDateTimeOffset());
        Assert.Equal("103646", body.GetProperty("session").GetProperty("id").GetString());
        Assert.Equal(2, body.GetProperty("data").GetProperty("cdr").GetProperty("dir").GetInt32());
        Assert.Equal("after-call", body.GetProperty("customData").GetProperty("hook").GetString());
    }

    [Fact]
    public void Identification_and_webhook_headers_are_always_sent()
    {
        var request = DeliveryHarness.Builder("2.3.4").Build(DeliveryHarness.Trigger("https://crm.example.com/hook"), DeliveryHarness.Event(), "dlv_abc", Now);

        Assert.Equal("Switchboard/2.3.4", Header(request, "User-Agent"));
        Assert.Equal("Switchboard", Header(request, "X-Powered-By"));
        Assert.Equal("Switchboard", Header(request, "X-Requested-With"));
        Assert.Equal("dlv_abc", Header(request, "webhook-id"));
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Header(request, "webhook-timestamp"));
        Assert.StartsWith("v1,", Header(request, "webhook-signature"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_matches_an_independent_hmac_and_every_secret_signs()
    {
        var previous = TriggerSecrets.Generate();
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook");
        trigger = trigger with { Action = trigger.Action with { PreviousSecrets = [previous] } };
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(), "dlv_sig", Now);
        var signatures = Header(request, "webhook-signature").Split(' ');
        var timestamp = Header(request, "webhook-timestamp");

        Assert.Equal(2, signatures.Length);
        Assert.Equal(IndependentSignature.Compute(DeliveryHarness.Secret, "dlv_sig", timestamp, request.Body.ToArray()), signatures[0]);
        Assert.Equal(IndependentSignature.Compute(previous, "dlv_sig", timestamp, request.Body.ToArray()), signatures[1]);
    }

    [Fact]
    public void Without_a_secret_no_signature_is_sent()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook");
        var request = DeliveryHarness.Builder().Build(trigger with { Action = trigger.Action with { Secret = null } }, DeliveryHarness.Event(), "dlv_1", Now);

        Assert.DoesNotContain(request.Headers, h => h.Key == "webhook-signature");
        Assert.Contains(request.Headers, h => h.Key == "webhook-id");
    }

    [Fact]
    public void The_webhook_id_is_the_delivery_id_and_stays_across_attempts_while_the_timestamp_moves()
    {
        var builder = DeliveryHarness.Builder();
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook");
        var canonical = DeliveryHarness.Event();
        var first = builder.Build(trigger, canonical, "dlv_same", Now);
        var retry = builder.Build(trigger, canonical, "dlv_same", Now.AddSeconds(2));

        Assert.Equal(Header(first, "webhook-id"), Header(retry, "webhook-id"));
        Assert.NotEqual(Header(first, "webhook-timestamp"), Header(retry, "webhook-timestamp"));
        Assert.Equal(first.Body.ToArray(), retry.Body.ToArray());
    }

    [Fact]
    public void Form_bodies_flatten_nested_keys_with_brackets()
    {
        var canonical = DeliveryHarness.Event("""{"cdr":{"dir":2,"recordingIds":["r1","r2"],"ok":true,"none":null}}""");
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger("https://crm.example.com/hook", format: "form"), canonical, "dlv_1", Now);
        var form = QueryHelpers.ParseQuery(Text(request));

        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("crm", form["triggerId"]);
        Assert.Equal("2", form["data[cdr][dir]"]);
        Assert.Equal("r2", form["data[cdr][recordingIds][1]"]);
        Assert.Equal("true", form["data[cdr][ok]"]);
        Assert.Equal(string.Empty, form["data[cdr][none]"]);
        Assert.Equal("after-call", form["customData[hook]"]);
        Assert.Equal("103646", form["session[id]"]);
    }

    [Fact]
    public void Xml_bodies_are_an_element_per_field_under_webhook()
    {
        var canonical = DeliveryHarness.Event("""{"cdr":{"dir":2,"recordingIds":["r1","r2"]},"9 bad name":"x"}""");
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger("https://crm.example.com/hook", format: "xml"), canonical, "dlv_1", Now);
        var root = XDocument.Parse(Text(request)).Root!;

        Assert.Equal("application/xml; charset=utf-8", request.ContentType);
        Assert.Equal("webhook", root.Name.LocalName);
        Assert.Equal("crm", root.Element("triggerId")!.Value);
        Assert.Equal("2", root.Element("data")!.Element("cdr")!.Element("dir")!.Value);
        Assert.Equal(["r1", "r2"], root.Element("data")!.Element("cdr")!.Element("recordingIds")!.Elements("item").Select(e => e.Value));
        Assert.Equal("after-call", root.Element("customData")!.Element("hook")!.Value);
        Assert.Single(root.Element("data")!.Elements(), e => System.Xml.XmlConvert.DecodeName(e.Name.LocalName) == "9 bad name");
    }

    [Fact]
    public void Text_bodies_come_from_the_template_for_csv_or_yaml()
    {
        var canonical = DeliveryHarness.Event();
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook", format: "text", body: "id,event,dir\n{{id}},{{event}},{{data.cdr.dir}}\n");
        var request = DeliveryHarness.Builder().Build(trigger, canonical, "dlv_1", Now);

        Assert.Equal("text/plain; charset=utf-8", request.ContentType);
        Assert.Equal($"id,event,dir\n{canonical.Id},CloudSessionCdr,2\n", Text(request));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public void Methods_without_a_body_put_the_top_level_fields_in_the_query(string method)
    {
        var canonical = DeliveryHarness.Event();
        var request = DeliveryHarness.Builder().Build(DeliveryHarness.Trigger("https://crm.example.com/hook?key=1", method: method), canonical, "dlv_1", Now);
        var query = QueryHelpers.ParseQuery(request.Url.Query);

        Assert.True(request.Body.IsEmpty);
        Assert.Null(request.ContentType);
        Assert.Equal("1", query["key"]);
        Assert.Equal("crm", query["triggerId"]);
        Assert.Equal(canonical.Id, query["id"]);
        Assert.Equal("CloudSessionCdr", query["event"]);
        Assert.Equal(2, JsonDocument.Parse(query["data"].ToString()).RootElement.GetProperty("cdr").GetProperty("dir").GetInt32());
        Assert.Equal("after-call", JsonDocument.Parse(query["customData"].ToString()).RootElement.GetProperty("hook").GetString());
    }

    [Fact]
    public void Template_values_are_escaped_for_the_url_path_and_query()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/calls/{{data.name}}/{{event}}") with { };
        trigger = trigger with { Action = trigger.Action with { Query = new Dictionary<string, string> { ["who"] = "name: {{data.name}}" } } };
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky })), "dlv_1", Now);
        var segments = request.Url.AbsolutePath.Split('/');

        Assert.Equal(Tricky, Uri.UnescapeDataString(segments[2]));
        Assert.Equal("CloudSessionCdr", segments[3]);
        Assert.Equal("name: " + Tricky, QueryHelpers.ParseQuery(request.Url.Query)["who"]);
        Assert.DoesNotContain(' ', request.Url.AbsoluteUri);
    }

    [Fact]
    public void Template_values_are_json_escaped_in_json_bodies_and_json_helper_embeds_objects()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook", body: """{"name":"{{data.name}}","dir":{{data.cdr.dir}},"cdr":{{json data.cdr}},"quoted":{{json data.name}},"custom":"{{customData.hook}}"}""");
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky + "\n\\", cdr = new { dir = 2 } })), "dlv_1", Now);
        var body = JsonDocument.Parse(request.Body).RootElement;

        Assert.Equal(Tricky + "\n\\", body.GetProperty("name").GetString());
        Assert.Equal(Tricky + "\n\\", body.GetProperty("quoted").GetString());
        Assert.Equal(2, body.GetProperty("dir").GetInt32());
        Assert.Equal(2, body.GetProperty("cdr").GetProperty("dir").GetInt32());
        Assert.Equal("after-call", body.GetProperty("custom").GetString());
        Assert.Contains("😀 日本語", Text(request), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_values_are_xml_escaped_in_xml_bodies()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook", format: "xml", body: """<call id="{{data.name}}"><name>{{data.name}}</name></call>""");
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky + "'" })), "dlv_1", Now);
        var root = XDocument.Parse(Text(request)).Root!;

        Assert.Equal(Tricky + "'", root.Element("name")!.Value);
        Assert.Equal(Tricky + "'", root.Attribute("id")!.Value);
    }

    [Fact]
    public void Template_values_are_url_encoded_in_form_bodies()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook", format: "form", body: "name={{data.name}}&dir={{data.cdr.dir}}");
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(JsonSerializer.Serialize(new { name = Tricky + "&x=1", cdr = new { dir = 2 } })), "dlv_1", Now);
        var form = QueryHelpers.ParseQuery(Text(request));

        Assert.Equal(Tricky + "&x=1", form["name"]);
        Assert.Equal("2", form["dir"]);
        Assert.False(form.ContainsKey("x"));
    }

    [Fact]
    public void Booleans_render_as_json_and_missing_fields_as_nothing()
    {
        var trigger = DeliveryHarness.Trigger("https://crm.example.com/hook", format: "text", body: "{{data.ok}}|{{data.missing}}|{{session.lifecycle}}|{{agent.name}}|{{deliveryId}}");
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event("""{"ok":true}"""), "dlv_42", Now);

        Assert.Equal("true||ended|Test User|dlv_42", Text(request));
    }

    [Fact]
    public void A_template_rendering_to_an_invalid_url_throws_a_format_exception()
    {
        var trigger = DeliveryHarness.Trigger("{{data.name}}");

        Assert.ThrowsAny<FormatException>(() => DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event("""{"name":"nope"}"""), "dlv_1", Now));
    }
}
