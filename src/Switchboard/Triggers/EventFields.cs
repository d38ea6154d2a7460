using System.Text.Json;

namespace Switchboard.Triggers;

/// <summary>
/// One event's JSON with each field path resolved at most once, however many triggers' filters read it:
/// a tenant with a thousand triggers filtering on <c>data.cdr.dir</c> walks that path once per event.
/// </summary>
public sealed class EventFields(JsonElement root)
{
    private readonly Dictionary<FieldPath, FieldValue> resolved = [];

    /// <summary>The value at the path, or <see cref="FieldValue.Missing"/>.</summary>
    public FieldValue Get(FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!resolved.TryGetValue(path, out var value))
        {
            value = path.TryResolve(root, out var element) ? new FieldValue(element) : FieldValue.Missing;
            resolved[path] = value;
        }

        return value;
    }
}
