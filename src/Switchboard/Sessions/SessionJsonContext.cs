using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Source-generated JSON for <see cref="SessionMetadata"/>. Use <see cref="Files"/>: camelCase, indented, and text
/// written as itself (a file is not HTML, so "Абонент" and "&lt;-" need no escapes); its depth limit leaves room for
/// custom data carried from a payload that nests 64 levels.
/// </summary>
[JsonSerializable(typeof(SessionMetadata))]
public sealed partial class SessionJsonContext : JsonSerializerContext
{
    /// <summary>The options archive files are written and read with.</summary>
    public static SessionJsonContext Files { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        MaxDepth = 2 * EventParseException.MaxDepth,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
