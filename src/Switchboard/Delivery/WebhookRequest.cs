namespace Switchboard.Delivery;

/// <summary>A built and signed webhook request, ready for <see cref="WebhookSender"/>.</summary>
public sealed record WebhookRequest
{
    /// <summary>The HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The absolute URL, templates rendered and query string appended.</summary>
    public required Uri Url { get; init; }

    /// <summary>The headers besides Content-Type, in the order they are sent: identification, the trigger's, then webhook-*.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body; empty for methods that carry none.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body's Content-Type; null when there is no body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>webhook-id</c>: the delivery id, the same on every attempt of a delivery.</summary>
    public required string WebhookId { get; init; }

    /// <summary>The <c>webhook-timestamp</c>, Unix seconds.</summary>
    public required long Timestamp { get; init; }
}
