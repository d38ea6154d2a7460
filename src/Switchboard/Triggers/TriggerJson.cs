using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Triggers;

/// <summary>The JSON options triggers are stored and served with: camelCase, nulls kept, enums as strings.</summary>
public static class TriggerJson
{
    /// <summary>The shared options instance.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The options API input is read with: the same, but an unknown field is an error rather than silently dropped.</summary>
    public static JsonSerializerOptions InputOptions { get; } = new(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
