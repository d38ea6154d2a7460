using System.Text.Json.Serialization;

namespace Switchboard.Events;

/// <summary>
/// Source-generated JSON for <see cref="CanonicalEvent"/>. Its depth limit is above the default 64 because an
/// accepted payload may nest 64 levels and <see cref="CanonicalEvent.Data"/> puts it one level down.
/// </summary>
[JsonSourceGenerationOptions(MaxDepth = 2 * EventParseException.MaxDepth)]
[JsonSerializable(typeof(CanonicalEvent))]
public sealed partial class EventJsonContext : JsonSerializerContext;
