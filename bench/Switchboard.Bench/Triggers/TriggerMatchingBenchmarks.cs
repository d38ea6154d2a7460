using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Bench.Triggers;

/// <summary>
/// Events matched per second: a tenant with 1,000 filtered triggers on the event's source, next to the
/// baseline of a tenant with one unfiltered trigger. The ratio is the cost of a large trigger set.
/// </summary>
[MemoryDiagnoser]
public class TriggerMatchingBenchmarks
{
    private readonly CanonicalEvent canonical = new()
    {
        Id = "evt_0123456789abcdef0123456789abcdef",
        Source = "cdr",
        Type = "CloudSessionCdr",
        Tenant = "default",
        OccurredAt = DateTimeOffset.UnixEpoch,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Session = new EventSession { Id = "1", Channel = "call", Lifecycle = SessionLifecycle.Ended },
        Data = JsonDocument.Parse("""{"cdr":{"dir":2,"cliNum":"+442071234567","duration":61,"ddiNum":"+442070000000"}}""").RootElement,
    };

    private TriggerSet large = TriggerSet.Empty;
    private TriggerSet single = TriggerSet.Empty;

    [GlobalSetup]
    public void Setup()
    {
        static JsonElement Value(string json) => JsonDocument.Parse(json).RootElement;
        large = TriggerSet.Compile(Enumerable.Range(0, 1000).Select(i => new Trigger
        {
            Id = $"t{i}",
            Source = "cdr",
            Events = i % 2 == 0 ? ["CloudSessionCdr"] : ["*"],
            Filters =
            [
                new TriggerFilter("data.cdr.dir", "eq", Value("2")),
                new TriggerFilter("data.cdr.duration", "gt", Value($"{i % 120}")),
                new TriggerFilter("data.cdr.cliNum", "startsWith", Value(i % 3 == 0 ? "\"+44\"" : "\"+1\"")),
            ],
        }));
        single = TriggerSet.Compile([new Trigger { Id = "one", Events = ["*"] }]);
    }

    [Benchmark(Baseline = true, Description = "1 unfiltered trigger")]
    public int OneUnfilteredTrigger() => single.Match(canonical).Count;

    [Benchmark(Description = "1,000 filtered triggers")]
    public int ThousandFilteredTriggers() => large.Match(canonical).Count;
}
