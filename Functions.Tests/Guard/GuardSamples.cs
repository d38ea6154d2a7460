namespace Switchboard.Tests.Guard;

/// <summary>
/// Valid inputs the guard starts from, so that each case spoils exactly one thing: route values by parameter name,
/// and a valid body for every route that takes one (a new body route fails the guard until it has one here).
/// </summary>
internal static class GuardSamples
{
    /// <summary>The trigger the fixture creates, so conditional requests reach the ETag comparison.</summary>
    public const string TriggerId = "guard-id";

    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["source"] = "ucontact",
        ["id"] = TriggerId,
        ["channel"] = "call",
        ["session"] = "call-1",
        ["queue"] = "guard-queue",
    };

    private const string Trigger = """
        {
          "tenant": "$tenant", "name": "guard", "description": "guards", "source": "ucontact", "events": ["FinishInteraction"], "queue": "sales",
          "filters": [ { "field": "data.campaign", "op": "eq", "value": "sales" } ],
          "action": {
            "url": "https://guard.example.com/hook/{{session.id}}", "method": "POST", "format": "json",
            "headers": { "X-Guard": "{{type}}" }, "query": { "q": "1" }, "body": null,
            "customData": { "k": { "v": 1 } }, "timeoutSeconds": 5, "retry": { "policy": "linear", "attempts": 1 },
            "secret": null, "previousSecrets": []
          }
        }
        """;

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["PostEvent"] = """{"event":"FinishInteraction","date":"2024-05-13 06:48:51","guid":"guard-1","channel":"telephony","agent":"a","campaign":"sales"}""",
        ["CreateTrigger"] = Trigger,
        ["ReplaceTrigger"] = Trigger,
        ["DeleteTriggers"] = """{"ids":["guard-other"]}""",
        ["ReplaceCrmSettings"] = """
            {
              "tenant": "$tenant", "enabled": true, "auth": { "method": "header", "headers": [ { "name": "X-Key", "value": "k" } ] },
              "phoneFormat": "e164", "timeoutSeconds": 5, "reuseRecords": true,
              "accountLookupUrl": "https://crm.example.com/contact/{ACCOUNT_ID}", "recordLookupUrl": "https://crm.example.com/record/{RECORD_ID}",
              "lookupUrls": { "phone": "https://crm.example.com/search?phone={CUSTOMER_PHONE_NUMBER}" }
            }
            """,
        ["ExchangeCrmOAuthCode"] = """{"code":"guard-code"}""",
        ["ReplaceEmailSettings"] = """{"enabled":true,"address":"crm@example.com"}""",
        ["ReplaceQueueEmailSettings"] = """{"enabled":true,"address":"crm@example.com"}""",
    };

    /// <summary>Query parameters that hold numbers (handlers take every value as text and parse it themselves).</summary>
    public static bool IsNumber(string queryParameter) => queryParameter == "pageSize";

    public static string RouteValue(string name) => RouteValues.GetValueOrDefault(name, "guard");

    /// <summary>The route's valid body, for <paramref name="tenant"/> where the body names one.</summary>
    public static string Body(GuardedRoute route, string tenant) =>
        Bodies.TryGetValue(route.Name, out var body)
            ? body.Replace("$tenant", tenant, StringComparison.Ordinal)
            : throw new InvalidOperationException($"{route} ({route.Name}) takes a body: add a valid sample to {nameof(GuardSamples)} so the guard can spoil it.");
}
