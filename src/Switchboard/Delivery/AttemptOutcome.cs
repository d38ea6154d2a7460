namespace Switchboard.Delivery;

/// <summary>What one attempt to send a webhook came to: a status code, or an error, and what was measured.</summary>
public sealed record AttemptOutcome
{
    /// <summary>The receiver's HTTP status code; null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why no usable response arrived; <see cref="AttemptError.None"/> when one did.</summary>
    public AttemptError Error { get; init; }

    /// <summary>A sentence for people about the error; null when there was none.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>From sending the request to reading the response excerpt (or giving up).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The start of the response body as UTF-8 text, at most <see cref="DeliveryOptions.ResponseExcerptBytes"/> bytes of it.</summary>
    public string? ResponseExcerpt { get; init; }

    /// <summary>The wait a 429 or 503 response asked for in <c>Retry-After</c>, converted to a duration; null when absent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the receiver answered 2xx.</summary>
    public bool Succeeded => Error == AttemptError.None && StatusCode is >= 200 and < 300;

    /// <summary>An attempt that got an HTTP response.</summary>
    public static AttemptOutcome Response(int statusCode, TimeSpan latency, string? excerpt = null, TimeSpan? retryAfter = null) =>
        new() { StatusCode = statusCode, Latency = latency, ResponseExcerpt = excerpt, RetryAfter = retryAfter };

    /// <summary>An attempt that got no usable response.</summary>
    public static AttemptOutcome Failure(AttemptError error, string message, TimeSpan latency = default, int? statusCode = null) =>
        new() { Error = error, ErrorMessage = message, Latency = latency, StatusCode = statusCode };
}
