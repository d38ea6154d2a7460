using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>The queue an event concerns (a CCAI queue, a uContact campaign, a PBX ring group …).</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A contact-center queue, the platforms' own word; not a collection.")]
public sealed record EventQueue
{
    /// <summary>The platform's queue id, numbers in their literal text.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The queue's name or path.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A queue from whatever parts the payload has, or null when it has none.</summary>
    internal static EventQueue? From(string? id, string? name) =>
        id is null && name is null ? null : new EventQueue { Id = id, Name = name };
}
