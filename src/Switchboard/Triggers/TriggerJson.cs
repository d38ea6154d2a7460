using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Triggers;

/// <summary>The JSON options triggers are stored and served with: camelCase, nulls kept, enums as strings.</summary>
public static class TriggerJson
{
    /// <summary>
    /// The nesting depth triggers are written with: System.Text.Json's default, which the hosts' API responses use too.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The shared options instance.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        MaxDepth = MaxDepth,
    };

    /// <summary>
    /// The options API input is read with: the same, but an unknown field, or null where the type allows none, is an
    /// error naming the field rather than something dropped or failing later.
    /// </summary>
    public static JsonSerializerOptions InputOptions { get; } = new(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };
}
