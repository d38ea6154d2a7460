using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Crm.Settings;

/// <summary>The JSON options CRM settings are stored and served with: camelCase, nulls kept.</summary>
public static class CrmJson
{
    /// <summary>The shared options instance.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

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
