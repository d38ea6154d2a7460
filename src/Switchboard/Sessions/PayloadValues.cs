using System.Globalization;
using System.Text.Json;

namespace Switchboard.Sessions;

/// <summary>
/// Lenient reads of journaled payloads for folding: the adapters already checked what they require, so a field of
/// an unexpected type here is simply absent rather than an error.
/// </summary>
internal static class PayloadValues
{
    /// <summary>The object holding a CCAI event's fields: <c>data</c> of the <c>{type, data}</c> envelope, or the bare body.</summary>
    public static JsonElement CcaiFields(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : root;

    /// <summary>A string, number or boolean field as text (numbers as written); null when absent, blank or of another type.</summary>
    public static string? TextOf(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A number field, or a string holding one (flow variables often are strings); null otherwise.</summary>
    public static double? NumberOf(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
                ? parsed
                : null;
    }

    /// <summary>An object field, or null.</summary>
    public static JsonElement? ObjectOf(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>A field of any type other than null, or null.</summary>
    public static JsonElement? ValueOf(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
