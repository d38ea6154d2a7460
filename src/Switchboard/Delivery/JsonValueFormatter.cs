using System.Text.Json;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace Switchboard.Delivery;

/// <summary>
/// Writes template values as their JSON text rather than .NET's <c>ToString</c>: booleans as <c>true</c>/<c>false</c>
/// (not <c>True</c>), null as nothing, strings unquoted, numbers as written, objects and arrays as compact JSON —
/// and always through the template's escaping.
/// </summary>
public sealed class JsonValueFormatter : IFormatterProvider, IFormatter
{
    /// <inheritdoc />
    public bool TryCreateFormatter(Type type, out IFormatter formatter)
    {
        formatter = this;
        return type == typeof(bool) || type == typeof(JsonElement);
    }

    /// <inheritdoc />
    public void Format<T>(T value, in EncodedTextWriter writer)
    {
        var text = value switch
        {
            bool flag => flag ? "true" : "false",
            JsonElement element => element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => element.GetRawText(),
            },
            _ => value?.ToString(),
        };
        if (!string.IsNullOrEmpty(text))
        {
            writer.Write(text);
        }
    }
}
