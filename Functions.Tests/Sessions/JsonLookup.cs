using System.Globalization;
using System.Text.Json;

namespace Switchboard.Tests.Sessions;

/// <summary>Reads a value of a JSON document by a slash-separated path of property names and array indexes (<c>agents/0/id</c>).</summary>
internal static class JsonLookup
{
    public static JsonElement At(this JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('/'))
        {
            current = current.ValueKind == JsonValueKind.Array
                ? current[int.Parse(segment, CultureInfo.InvariantCulture)]
                : current.TryGetProperty(segment, out var child) ? child : throw new KeyNotFoundException($"No '{segment}' in {path}: {current}");
        }

        return current;
    }

    /// <summary>The value as text: strings as themselves, null as null, anything else as its JSON.</summary>
    public static string? Text(this JsonElement root, string path)
    {
        var value = root.At(path);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>A number; a null fails (check nulls with <see cref="Text"/>).</summary>
    public static double Number(this JsonElement root, string path) => root.At(path).GetDouble();

    /// <summary>A time; a null fails (check nulls with <see cref="Text"/>).</summary>
    public static DateTimeOffset Time(this JsonElement root, string path) => root.At(path).GetDateTimeOffset();

    public static int Count(this JsonElement root, string path) => root.At(path).GetArrayLength();
}
