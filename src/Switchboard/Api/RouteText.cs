namespace Switchboard.Api;

/// <summary>A route value as the handler should read it.</summary>
public static class RouteText
{
    /// <summary>
    /// Kestrel decodes every escape in a path but <c>%2F</c>, so a value holding '/' (a queue "Developers / Kim", a
    /// platform's session id) arrives with it still escaped; this finishes the decoding.
    /// </summary>
    public static string? Unescape(string? value) => value?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
