using System.Text.Json;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

public sealed class TriggerValidatorTests
{
    internal static Trigger Valid() => new()
    {
        Name = "after-call",
        Source = "cdr",
        Events = ["CloudSessionCdr"],
        Filters = [new TriggerFilter("data.cdr.dir", "eq", JsonDocument.Parse("2").RootElement)],
        Action = new TriggerAction { Url = "https://crm.example.com/{{type}}", Secret = "whsec_" + Convert.ToBase64String(new byte[32]) },
    };

    private static IReadOnlyDictionary<string, string[]> Problems(Trigger trigger, bool allowPrivate = false) =>
        new TriggerValidator(allowPrivate).Validate(trigger, out _);

    [Fact]
    public void A_valid_trigger_has_no_problems_and_comes_back_normalised()
    {
        var trigger = Valid() with { Source = "CDR", Action = Valid().Action with { Method = "post", Format = "JSON" } };

        var problems = new TriggerValidator().Validate(trigger, out var normalized);

        Assert.Empty(problems);
        Assert.Equal("cdr", normalized.Source);
        Assert.Equal("POST", normalized.Action.Method);
        Assert.Equal("json", normalized.Action.Format);
        Assert.Equal(1, normalized.Action.Retry.Attempts);
    }

    public static TheoryData<Trigger, string> Invalid() => new()
    {
        { Valid() with { Name = " " }, "name" },
        { Valid() with { Id = "has space" }, "id" },
        { Valid() with { Tenant = "a/b" }, "tenant" },
        { Valid() with { Source = "skype" }, "source" },
        { Valid() with { Events = [] }, "events" },
        { Valid() with { Events = ["ok", ""] }, "events[1]" },
        { Valid() with { Queue = " " }, "queue" },
        { Valid() with { Filters = [new TriggerFilter("data..x", "eq", JsonDocument.Parse("1").RootElement)] }, "filters[0].field" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "like", JsonDocument.Parse("1").RootElement)] }, "filters[0].op" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "in", JsonDocument.Parse("1").RootElement)] }, "filters[0].value" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "in", JsonDocument.Parse("[]").RootElement)] }, "filters[0].value" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "gt", JsonDocument.Parse("true").RootElement)] }, "filters[0].value" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "startsWith", JsonDocument.Parse("1").RootElement)] }, "filters[0].value" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "exists", JsonDocument.Parse("\"yes\"").RootElement)] }, "filters[0].value" },
        { Valid() with { Filters = [new TriggerFilter("data.x", "eq", JsonDocument.Parse("{}").RootElement)] }, "filters[0].value" },
        { Valid() with { Action = Valid().Action with { Url = "" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "/relative" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "http://crm.example.com/" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "ftp://crm.example.com/" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "https://{{host}}.example.com/" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "https://crm.example.com/" + new string('a', 2040) } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Url = "https://crm.example.com/{{#if x}}open" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Method = "TRACE" } }, "action.method" },
        { Valid() with { Action = Valid().Action with { Format = "csv" } }, "action.format" },
        { Valid() with { Action = Valid().Action with { Format = "text" } }, "action.body" },
        { Valid() with { Action = Valid().Action with { Body = "{{#each}}" } }, "action.body" },
        { Valid() with { Action = Valid().Action with { TimeoutSeconds = 0 } }, "action.timeoutSeconds" },
        { Valid() with { Action = Valid().Action with { TimeoutSeconds = 11 } }, "action.timeoutSeconds" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Policy = "forever" } } }, "action.retry.policy" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Attempts = 11 } } }, "action.retry.attempts" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Attempts = -1 } } }, "action.retry.attempts" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Policy = "incremental", Attempts = 3 } } }, "action.retry.attempts" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Policy = "exponential", RetryOn = [200] } } }, "action.retry.retryOn" },
        { Valid() with { Action = Valid().Action with { Retry = new TriggerRetry { Policy = "linear", RetryOn = [400] } } }, "action.retry.retryOn" },
        { Valid() with { Action = Valid().Action with { Secret = "secret" } }, "action.secret" },
        { Valid() with { Action = Valid().Action with { Secret = "whsec_" + Convert.ToBase64String(new byte[8]) } }, "action.secret" },
        { Valid() with { Action = Valid().Action with { PreviousSecrets = ["whsec_!!"] } }, "action.previousSecrets[0]" },
        { Valid() with { Action = Valid().Action with { Headers = new Dictionary<string, string> { ["bad header"] = "x" } } }, "action.headers.bad header" },
        { Valid() with { Action = Valid().Action with { Headers = new Dictionary<string, string> { ["webhook-id"] = "x" } } }, "action.headers.webhook-id" },
        { Valid() with { Action = Valid().Action with { Headers = new Dictionary<string, string> { ["X-Id"] = "{{/if}}" } } }, "action.headers.X-Id" },
        { Valid() with { Action = Valid().Action with { Query = new Dictionary<string, string> { ["q"] = "{{#with}}" } } }, "action.query.q" },
        { Valid() with { Description = new string('d', 2001) }, "description" },
        { Valid() with { Action = Valid().Action with { Body = new string('b', 33_000) } }, "action.body" },
        { Valid() with { Action = Valid().Action with { Headers = new Dictionary<string, string> { ["X-Null"] = null! } } }, "action.headers.X-Null" },
        { Valid() with { Action = Valid().Action with { Query = new Dictionary<string, string> { ["q"] = null! } } }, "action.query.q" },
        { Valid() with { Action = Valid().Action with { Body = "{{> x}}" } }, "action.body" },
        { Valid() with { Action = Valid().Action with { Url = "https://crm.example.com/{{log}}" } }, "action.url" },
        { Valid() with { Action = Valid().Action with { Headers = new Dictionary<string, string> { ["X-Log"] = "{{log 'a'}}" } } }, "action.headers.X-Log" },
        { Valid() with { Action = Valid().Action with { Body = "{{#if}}x{{/if}}" } }, "action.body" },
        { Valid() with { Action = Valid().Action with { Query = new Dictionary<string, string> { ["q"] = "{{sesion.id}}" } } }, "action.query.q" },
        { Valid() with { Action = Valid().Action with { CustomData = new Dictionary<string, JsonElement> { ["k"] = Nested(TriggerValidator.MaxCustomDataDepth + 1) } } }, "action.customData.k" },
        { Valid() with { Queue = new string('q', 257) }, "queue" },
        { Valid() with { Events = ["a\u0001b"] }, "events[0]" },
    };

    /// <summary>A JSON value nesting <paramref name="levels"/> deep, the innermost level a number.</summary>
    internal static JsonElement Nested(int levels) =>
        JsonDocument.Parse(string.Concat(Enumerable.Repeat("{\"a\":", levels - 1)) + "1" + new string('}', levels - 1), new JsonDocumentOptions { MaxDepth = 256 }).RootElement;

    [Fact]
    public void Templates_using_blocks_helpers_and_context_fields_are_accepted()
    {
        var trigger = Valid() with
        {
            Action = Valid().Action with
            {
                Url = "https://crm.example.com/{{session.id}}/{{{tenant}}}",
                Body = "{{!-- agents --}}{{#each data.cdr}}{{@key}}={{this}};{{/each}}{{#with session}}{{id}}{{/with}}{{#if agent}}{{agent.id}}{{else}}none{{/if}} {{json data}} {{@root.id}} {{lookup data 'cdr'}}",
                Headers = new Dictionary<string, string> { ["X-Event"] = "{{ type }}" },
                CustomData = new Dictionary<string, JsonElement> { ["k"] = Nested(TriggerValidator.MaxCustomDataDepth) },
            },
        };

        Assert.Empty(Problems(trigger));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_rule_names_its_field(Trigger trigger, string field)
    {
        var problems = Problems(trigger);

        Assert.True(problems.ContainsKey(field), $"expected a problem at {field}, got {string.Join(", ", problems.Keys)}");
    }

    [Fact]
    public void Http_and_a_templated_path_are_fine_when_private_networks_are_allowed()
    {
        var trigger = Valid() with { Action = Valid().Action with { Url = "http://127.0.0.1:5000/hooks/{{session.id}}?e={{type}}" } };

        Assert.Empty(Problems(trigger, allowPrivate: true));
    }

    [Fact]
    public void Every_method_format_and_policy_of_the_contract_is_accepted()
    {
        foreach (var method in new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" })
        {
            foreach (var format in new[] { "json", "form", "xml", "text" })
            {
                foreach (var policy in new[] { "none", "linear", "incremental", "exponential" })
                {
                    var trigger = Valid() with { Action = Valid().Action with { Method = method, Format = format, Body = "{{type}}", Retry = new TriggerRetry { Policy = policy } } };
                    Assert.Empty(Problems(trigger));
                }
            }
        }
    }
}
