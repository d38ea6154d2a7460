namespace Switchboard.Crm.Calls;

/// <summary>A CRM request ready to send (and to send again after a token refresh): method, URL and body.</summary>
public sealed record CrmRequest
{
    /// <summary>The HTTP method.</summary>
    public required HttpMethod Method { get; init; }

    /// <summary>The URL, variables filled in and query parameters appended.</summary>
    public required Uri Url { get; init; }

    /// <summary>The body; empty for GET.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body's content type (a multipart one carries its boundary); null when there is no body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body as UTF-8 text, for tests and logs.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body.Span);
}
