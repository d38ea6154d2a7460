using Switchboard.Crm.Settings;
using Switchboard.Tests.Crm;
using Switchboard.Tests.Triggers;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

/// <summary>A trigger's webhook action and a CRM endpoint accept and refuse the same URLs and header names, in the same words.</summary>
public sealed class OutboundRequestRulesTests
{
    public static TheoryData<string, bool> Urls() => new()
    {
        { "", false },
        { "/relative", false },
        { "ftp://crm.example.com/", false },
        { "http://crm.example.com/", false },
        { "http://crm.example.com/", true },
        { "https://crm.example.com/" + new string('a', 2048), false },
        { "https://crm.example.com/ok?x=1", false },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void A_url_gets_the_same_answer_as_a_webhook_action_and_as_a_crm_endpoint(string url, bool allowPrivateNetworks)
    {
        var trigger = TriggerProblems(TriggerValidatorTests.Valid().Action with { Url = url }, allowPrivateNetworks).GetValueOrDefault("action.url");
        var crm = CrmProblems(CrmEndpointWithUrl(url), allowPrivateNetworks).GetValueOrDefault("endpoints.createRecord.url");

        Assert.Equal(trigger, crm);
    }

    [Fact]
    public void A_template_in_the_host_is_refused_in_either_syntax_in_the_same_words()
    {
        var trigger = TriggerProblems(TriggerValidatorTests.Valid().Action with { Url = "https://{{tenant}}.example.com/" })["action.url"];
        var crm = CrmProblems(CrmEndpointWithUrl("https://{ACCOUNT_ID}.example.com/"))["endpoints.createRecord.url"];

        Assert.Equal(["must not put a variable in the host: only path and query may hold them"], trigger);
        Assert.Equal(trigger, crm);
    }

    [Theory]
    [InlineData("bad header", "is not a valid header name")]
    [InlineData("Content-Length", "is set by Switchboard and cannot be configured")]
    [InlineData("host", "is set by Switchboard and cannot be configured")]
    public void A_header_name_gets_the_same_answer_as_a_webhook_header_and_as_a_crm_auth_header(string name, string problem)
    {
        var trigger = TriggerProblems(TriggerValidatorTests.Valid().Action with { Headers = new Dictionary<string, string> { [name] = "v" } })[$"action.headers.{name}"];
        var crm = new CrmSettingsValidator().Validate(
            new CrmSettings { Auth = new CrmAuth { Method = "header", Headers = [new() { Name = name, Value = "v" }] } }, out _)["auth.headers[0].name"];

        Assert.Equal([problem], trigger);
        Assert.Equal(trigger, crm);
    }

    private static IReadOnlyDictionary<string, string[]> TriggerProblems(TriggerAction action, bool allowPrivateNetworks = false) =>
        new TriggerValidator(allowPrivateNetworks).Validate(TriggerValidatorTests.Valid() with { Action = action }, out _);

    private static IReadOnlyDictionary<string, string[]> CrmProblems(CrmSettings settings, bool allowPrivateNetworks = false) =>
        new CrmSettingsValidator(allowPrivateNetworks).Validate(settings, out _);

    private static CrmSettings CrmEndpointWithUrl(string url)
    {
        var settings = CrmSamples.Settings();
        return settings with { Endpoints = settings.Endpoints with { CreateRecord = settings.Endpoints.CreateRecord! with { Url = url } } };
    }
}
