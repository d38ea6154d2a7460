using System.Text.Json;

namespace Switchboard;

/// <summary>JSON kept in one table property (a trigger, CRM settings): its size limit, and the field to blame when a document is over it.</summary>
public static class StoredJson
{
    /// <summary>Table storage keeps a string property up to 64 KiB of UTF-16, so a stored document stays below 32 K characters.</summary>
    public const int MaxLength = 32_000;

    /// <summary>
    /// The path of the largest value in <paramref name="json"/> (<c>action.headers.X-Key</c>, <c>filters[2].value</c>),
    /// found by following the largest member down to a value that is not an object or array: the field a client
    /// should shorten first.
    /// </summary>
    public static string LargestField(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var path = string.Empty;
        var node = document.RootElement;
        while (true)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object when node.EnumerateObject().Any():
                    var member = node.EnumerateObject().MaxBy(p => p.Value.GetRawText().Length);
                    path = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    node = member.Value;
                    break;
                case JsonValueKind.Array when node.GetArrayLength() > 0:
                    var (item, index) = node.EnumerateArray().Select((e, i) => (e, i)).MaxBy(p => p.e.GetRawText().Length);
                    path = $"{path}[{index}]";
                    node = item;
                    break;
                default:
                    return path.Length == 0 ? "body" : path;
            }
        }
    }
}
