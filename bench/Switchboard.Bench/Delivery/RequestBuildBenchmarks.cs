using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Bench.Delivery;

/// <summary>
/// Webhook requests built and signed per second: the default JSON envelope (the common case, and the baseline),
/// a JSON body template, form and XML encodings, and the default envelope signed for two secrets (rotation).
/// </summary>
[MemoryDiagnoser]
public class RequestBuildBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private readonly WebhookRequestBuilder builder = new(Options.Create(new DeliveryOptions { UserAgentVersion = "1.0.0" }));

    private readonly CanonicalEvent canonical = new()
    {
        Id = "evt_0123456789abcdef0123456789abcdef",
        Source = "cdr",
        Type = "CloudSessionCdr",
        Tenant = "default",
        OccurredAt = Now,
        ReceivedAt = Now,
        Session = new EventSession { Id = "103646", Channel = "call", Lifecycle = SessionLifecycle.Ended },
        Data = JsonDocument.Parse("""
            {"cdr":{"id":"00000000-0000-0000-0000-000000000001","dType":"CloudSessionCdr","sVer":1,"tz":"Europe/London",
            "start":"2024-05-29T09:37:35+01:00","end":"2024-05-29T09:37:45+01:00","dur":10,"ring":10,"lost":0,
            "cause":"NORMAL_CLEARING","dir":2,"type":2,"cliNum":"+44700000000","ddiNum":"+441610000000",
            "ansAgtNum":"302","ansAgtName":"Test User","ansGroupName":"Support","hasRec":1,"recordingIds":["r1","r2"],
            "tags":{"Support":"stage1"}}}
            """).RootElement,
    };

    private Trigger json = new();
    private Trigger templated = new();
    private Trigger form = new();
    private Trigger xml = new();
    private Trigger rotating = new();

    [GlobalSetup]
    public void Setup()
    {
        var action = new TriggerAction
        {
            Url = "https://crm.example.com/hooks/cdr",
            Secret = TriggerSecrets.Generate(),
            CustomData = new Dictionary<string, JsonElement> { ["hook"] = JsonSerializer.SerializeToElement("after-call") },
        };
        json = new Trigger { Id = "json", Action = action };
        templated = new Trigger
        {
            Id = "templated",
            Action = action with
            {
                Url = "https://crm.example.com/calls/{{session.id}}",
                Headers = new Dictionary<string, string> { ["X-Agent"] = "{{data.cdr.ansAgtName}}" },
                Body = """{"call":"{{session.id}}","agent":"{{data.cdr.ansAgtName}}","from":"{{data.cdr.cliNum}}","cdr":{{json data.cdr}} }""",
            },
        };
        form = new Trigger { Id = "form", Action = action with { Format = "form" } };
        xml = new Trigger { Id = "xml", Action = action with { Format = "xml" } };
        rotating = new Trigger { Id = "rotating", Action = action with { PreviousSecrets = [TriggerSecrets.Generate()] } };
    }

    [Benchmark(Baseline = true, Description = "default JSON envelope, signed")]
    public int DefaultJson() => builder.Build(json, canonical, "dlv_0123456789abcdef0123456789abcdef", Now).Body.Length;

    [Benchmark(Description = "JSON body template + templated URL and header")]
    public int TemplatedJson() => builder.Build(templated, canonical, "dlv_0123456789abcdef0123456789abcdef", Now).Body.Length;

    [Benchmark(Description = "form envelope, signed")]
    public int Form() => builder.Build(form, canonical, "dlv_0123456789abcdef0123456789abcdef", Now).Body.Length;

    [Benchmark(Description = "XML envelope, signed")]
    public int Xml() => builder.Build(xml, canonical, "dlv_0123456789abcdef0123456789abcdef", Now).Body.Length;

    [Benchmark(Description = "JSON envelope, two secrets")]
    public int TwoSignatures() => builder.Build(rotating, canonical, "dlv_0123456789abcdef0123456789abcdef", Now).Body.Length;
}
