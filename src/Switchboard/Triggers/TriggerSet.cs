using System.Text.Json;
using Switchboard.Events;

namespace Switchboard.Triggers;

/// <summary>
/// A tenant's triggers compiled once (per cache load) and grouped by source, so an event is compared
/// only with the triggers of its own source and the source-less ones, and is serialised for filters
/// at most once.
/// </summary>
public sealed class TriggerSet
{
    private readonly Dictionary<string, CompiledTrigger[]> bySource;
    private readonly CompiledTrigger[] anySource;

    private TriggerSet(IReadOnlyList<Trigger> triggers)
    {
        Triggers = triggers;
        var paths = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        var enabled = triggers.Where(t => t.Enabled).Select(t => new CompiledTrigger(t, paths)).ToList();
        anySource = [.. enabled.Where(t => t.Trigger.Source is null)];
        bySource = enabled.Where(t => t.Trigger.Source is not null)
            .GroupBy(t => t.Trigger.Source!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An empty set.</summary>
    public static TriggerSet Empty { get; } = new([]);

    /// <summary>Every trigger of the tenant, enabled or not.</summary>
    public IReadOnlyList<Trigger> Triggers { get; }

    /// <summary>Compiles the triggers.</summary>
    public static TriggerSet Compile(IEnumerable<Trigger> triggers) => new([.. triggers]);

    /// <summary>The enabled triggers the event matches, in no particular order.</summary>
    public IReadOnlyList<Trigger> Match(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var sourceTriggers = bySource.GetValueOrDefault(canonical.Source) ?? [];
        EventFields? fields = null;
        List<Trigger>? matched = null;
        foreach (var group in new[] { sourceTriggers, anySource })
        {
            foreach (var candidate in group)
            {
                if (candidate.HasFilters && fields is null)
                {
                    fields = new EventFields(JsonSerializer.SerializeToElement(canonical, EventJsonContext.Default.CanonicalEvent));
                }

                if (candidate.Matches(canonical, fields))
                {
                    (matched ??= []).Add(candidate.Trigger);
                }
            }
        }

        return matched ?? (IReadOnlyList<Trigger>)[];
    }
}
