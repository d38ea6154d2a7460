using System.Text;
using System.Text.Json;

namespace Switchboard.Tests.Delivery;

/// <summary>A request as the test receiver saw it.</summary>
internal sealed record ReceivedRequest(
    string Method,
    string RawTarget,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
