using System.Globalization;

namespace Switchboard.Events.Payloads;

/// <summary>Builds RFC 6901 JSON Pointers for error messages; called only once something is wrong.</summary>
internal static class JsonPointer
{
    public static string Append(string parent, string name) =>
        parent + "/" + (name.Contains('~', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)
            ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : name);

    public static string Append(string parent, int index) => parent + "/" + index.ToString(CultureInfo.InvariantCulture);
}
