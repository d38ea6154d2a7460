using System.Globalization;
using System.Text.Json;
using Azure;

namespace Switchboard.Storage;

/// <summary>
/// Entities as the table service's JSON: types the JSON cannot carry on its own (Int64, Double,
/// DateTime, Guid, Binary) are written with an <c>@odata.type</c> annotation and read back from it
/// (minimal metadata).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    Annotated(writer, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d when double.IsFinite(d):
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    writer.WriteNumber(name, d);
                    break;
                case double d:
                    Annotated(writer, name, "Edm.Double", double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    break;
                case DateTimeOffset t:
                    Annotated(writer, name, "Edm.DateTime", t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    Annotated(writer, name, "Edm.Guid", g.ToString("D"));
                    break;
                case byte[] bytes:
                    Annotated(writer, name, "Edm.Binary", Convert.ToBase64String(bytes));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static TableEntity Read(JsonElement json)
    {
        var entity = new TableEntity(
            json.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? string.Empty : string.Empty,
            json.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? string.Empty : string.Empty);
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var type = json.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            var value = Value(property.Value, type);
            if (name == "Timestamp")
            {
                entity.Timestamp = value as DateTimeOffset? ?? (value is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null);
                continue;
            }

            entity[name] = value;
        }

        if (json.TryGetProperty("odata.etag", out var etag) && etag.GetString() is { } tag)
        {
            entity.ETag = new ETag(tag);
        }

        return entity;
    }

    private static void Annotated(Utf8JsonWriter writer, string name, string type, string value)
    {
        writer.WriteString(name + TypeSuffix, type);
        writer.WriteString(name, value);
    }

    private static object? Value(JsonElement value, string? type) => (type, value.ValueKind) switch
    {
        (_, JsonValueKind.Null) => null,
        ("Edm.Int64", _) => long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture),
        ("Edm.Double", JsonValueKind.String) => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        ("Edm.Double", _) => value.GetDouble(),
        ("Edm.DateTime", _) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        ("Edm.Guid", _) => Guid.Parse(value.GetString()!),
        ("Edm.Binary", _) => Convert.FromBase64String(value.GetString()!),
        (_, JsonValueKind.String) => value.GetString(),
        (_, JsonValueKind.True) => true,
        (_, JsonValueKind.False) => false,
        (_, JsonValueKind.Number) when value.TryGetInt32(out var i) => i,
        (_, JsonValueKind.Number) => value.GetDouble(),
        _ => value.GetRawText(),
    };
}
