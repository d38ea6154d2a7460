namespace Switchboard.Events;

/// <summary>Turns one platform's request body into a <see cref="CanonicalEvent"/>.</summary>
public interface ISourceAdapter
{
    /// <summary>The source name in the ingest route, lower case (<c>/api/events/{name}</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Parses <paramref name="body"/> and maps it to a canonical event whose <see cref="CanonicalEvent.Data"/>
    /// is the payload itself. Throws <see cref="EventParseException"/>, and nothing else, when the body cannot
    /// be read as this platform's payload; unknown event names are accepted.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="contentType">The request's Content-Type header, or null when absent (read as JSON).</param>
    /// <param name="context">Tenant, receive time and the id the event gets.</param>
    CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context);
}
