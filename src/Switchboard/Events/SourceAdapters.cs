using System.Collections.Frozen;
using Switchboard.Events.Ccai;
using Switchboard.Events.Cdr;
using Switchboard.Events.Ucontact;
using Switchboard.Events.Videsk;
using Switchboard.Events.Webitel;

namespace Switchboard.Events;

/// <summary>The source adapters by the name in the ingest route (<c>/api/events/{source}</c>), looked up case-insensitively.</summary>
public sealed class SourceAdapters
{
    private readonly FrozenDictionary<string, ISourceAdapter> byName;

    /// <summary>
    /// The five platform adapters: ucontact, cdr, videsk, webitel, ccai. Throws
    /// <see cref="ArgumentOutOfRangeException"/> when an option is out of range (an unknown time zone).
    /// </summary>
    public SourceAdapters(SourceOptions options)
        : this(
        [
            new UcontactAdapter(options),
            new CdrAdapter(),
            new VideskAdapter(),
            new WebitelAdapter(),
            new CcaiAdapter(),
        ])
    {
    }

    /// <summary>A catalog of the given adapters; two adapters with the same name throw <see cref="ArgumentException"/>.</summary>
    public SourceAdapters(IEnumerable<ISourceAdapter> adapters)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        var byNameBuilder = new Dictionary<string, ISourceAdapter>(StringComparer.OrdinalIgnoreCase);
        foreach (var adapter in adapters)
        {
            if (!byNameBuilder.TryAdd(adapter.Name, adapter))
            {
                throw new ArgumentException($"Two source adapters are named '{adapter.Name}'.", nameof(adapters));
            }
        }

        byName = byNameBuilder.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The source names, for error messages and the API description.</summary>
    public IReadOnlyCollection<string> Names => byName.Keys;

    /// <summary>The adapter for <paramref name="source"/>, or null when there is none (the ingest endpoint answers 404).</summary>
    public ISourceAdapter? Find(string? source) =>
        source is not null && byName.TryGetValue(source, out var adapter) ? adapter : null;
}
