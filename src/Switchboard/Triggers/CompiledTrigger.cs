using Switchboard.Events;

namespace Switchboard.Triggers;

/// <summary>A trigger with its event names and filters prepared for matching.</summary>
public sealed class CompiledTrigger
{
    private readonly HashSet<string>? events;
    private readonly CompiledFilter[] filters;

    /// <summary>
    /// Compiles a trigger that <see cref="TriggerValidator"/> accepted; <paramref name="paths"/> shares field
    /// paths across the triggers of one set.
    /// </summary>
    public CompiledTrigger(Trigger trigger, Dictionary<string, FieldPath>? paths = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Trigger = trigger;
        events = trigger.Events.Contains("*") ? null : new HashSet<string>(trigger.Events, StringComparer.OrdinalIgnoreCase);
        filters = [.. trigger.Filters.Select(f => new CompiledFilter(f, paths))];
    }

    /// <summary>The trigger.</summary>
    public Trigger Trigger { get; }

    /// <summary>True when the trigger has filters, so matching needs the event as JSON.</summary>
    public bool HasFilters => filters.Length > 0;

    /// <summary>
    /// True when the trigger is enabled and the event's source, type and queue fit it and every filter
    /// holds over <paramref name="fields"/> (the event serialised; unused when the trigger has no filters).
    /// </summary>
    public bool Matches(CanonicalEvent canonical, EventFields? fields)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return Trigger.Enabled
            && (Trigger.Source is null || string.Equals(Trigger.Source, canonical.Source, StringComparison.OrdinalIgnoreCase))
            && (events is null || events.Contains(canonical.Type))
            && (Trigger.Queue is null || InQueue(canonical.Queue))
            && (filters.Length == 0 || AllFiltersHold(fields ?? throw new ArgumentNullException(nameof(fields))));
    }

    private bool AllFiltersHold(EventFields fields)
    {
        foreach (var filter in filters)
        {
            if (!filter.Matches(fields))
            {
                return false;
            }
        }

        return true;
    }

    private bool InQueue(EventQueue? queue) =>
        queue is not null
        && (string.Equals(queue.Id, Trigger.Queue, StringComparison.OrdinalIgnoreCase)
            || string.Equals(queue.Name, Trigger.Queue, StringComparison.OrdinalIgnoreCase));
}
