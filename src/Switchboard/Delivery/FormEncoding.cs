using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchboard.Delivery;

/// <summary>
/// JSON payloads as <c>application/x-www-form-urlencoded</c>: nested keys flattened as <c>a[b]</c>, array items as
/// <c>a[0]</c>, scalars as their JSON text (strings unquoted, <c>true</c>/<c>false</c>), null as an empty value —
/// the convention PHP, Rails and most form parsers read back into the same structure.
/// </summary>
public static class FormEncoding
{
    /// <summary>The fields of <paramref name="payload"/> (an object) as a form body.</summary>
    public static string Encode(JsonElement payload)
    {
        var builder = new StringBuilder(256);
        Append(builder, payload, prefix: null);
        return builder.ToString();
    }

    /// <summary>
    /// The top-level fields of <paramref name="payload"/> as name/value pairs for a query string: scalars as text,
    /// objects and arrays as compact JSON, nulls left out.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> TopLevelFields(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                yield return new(property.Name, Scalar(property.Value) ?? property.Value.GetRawText());
            }
        }
    }

    /// <summary>Appends <paramref name="name"/>=<paramref name="value"/>, both percent-encoded, with a leading '&amp;' unless first.</summary>
    public static void AppendPair(StringBuilder builder, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static void Append(StringBuilder builder, JsonElement element, string? prefix)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Append(builder, property.Value, prefix is null ? property.Name : $"{prefix}[{property.Name}]");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Append(builder, item, $"{prefix}[{index.ToString(CultureInfo.InvariantCulture)}]");
                    index++;
                }

                break;
            default:
                if (prefix is not null)
                {
                    AppendPair(builder, prefix, Scalar(element) ?? string.Empty);
                }

                break;
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => null,
    };
}
