using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Switchboard.Events;

namespace Switchboard.Delivery;

/// <summary>
/// The default request payload, <c>{ triggerId, id, tenantId, event, source, date, session, data, customData }</c> (the
/// post-call "Webhooks" document's shape: <c>id</c> is the event id, <c>event</c> its type, <c>date</c> when it
/// occurred), and the template context: the same fields plus <c>deliveryId</c>, <c>type</c>, <c>tenant</c>,
/// <c>occurredAt</c>, <c>receivedAt</c>, <c>agent</c> and <c>queue</c>.
/// </summary>
public static class WebhookEnvelope
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Bodies go to HTTP receivers, not into HTML: keep non-Latin text and emoji readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 2 * EventParseException.MaxDepth,
    };

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 2 * EventParseException.MaxDepth };

    /// <summary>The default payload as UTF-8 JSON.</summary>
    public static byte[] Json(string triggerId, CanonicalEvent canonical, IReadOnlyDictionary<string, JsonElement> customData)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, triggerId, canonical, customData, deliveryId: null);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The default payload as a JSON element, for the form, XML and query-string encodings.</summary>
    public static JsonElement Element(string triggerId, CanonicalEvent canonical, IReadOnlyDictionary<string, JsonElement> customData) =>
        Parse(Json(triggerId, canonical, customData));

    /// <summary>The object templates render against.</summary>
    public static JsonElement TemplateContext(string triggerId, string deliveryId, CanonicalEvent canonical, IReadOnlyDictionary<string, JsonElement> customData)
    {
        ArgumentNullException.ThrowIfNull(deliveryId);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, triggerId, canonical, customData, deliveryId);
        }

        return Parse(buffer.WrittenSpan.ToArray());
    }

    private static JsonElement Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json, ReadOptions);
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, string triggerId, CanonicalEvent canonical, IReadOnlyDictionary<string, JsonElement> customData, string? deliveryId)
    {
        ArgumentNullException.ThrowIfNull(triggerId);
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(customData);
        writer.WriteStartObject();
        writer.WriteString("triggerId", triggerId);
        if (deliveryId is not null)
        {
            writer.WriteString("deliveryId", deliveryId);
        }

        writer.WriteString("id", canonical.Id);
        writer.WriteString("tenantId", canonical.Tenant);
        writer.WriteString("event", canonical.Type);
        writer.WriteString("source", canonical.Source);
        writer.WriteString("date", canonical.OccurredAt);
        writer.WritePropertyName("session");
        JsonSerializer.Serialize(writer, canonical.Session, EventJsonContext.Default.EventSession);
        writer.WritePropertyName("data");
        canonical.Data.WriteTo(writer);
        writer.WriteStartObject("customData");
        foreach (var (name, value) in customData)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
        if (deliveryId is not null)
        {
            writer.WriteString("type", canonical.Type);
            writer.WriteString("tenant", canonical.Tenant);
            writer.WriteString("occurredAt", canonical.OccurredAt);
            writer.WriteString("receivedAt", canonical.ReceivedAt);
            writer.WritePropertyName("agent");
            JsonSerializer.Serialize(writer, canonical.Agent, EventJsonContext.Default.EventAgent);
            writer.WritePropertyName("queue");
            JsonSerializer.Serialize(writer, canonical.Queue, EventJsonContext.Default.EventQueue);
        }

        writer.WriteEndObject();
    }
}
