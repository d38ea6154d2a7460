namespace Switchboard.Events;

/// <summary>Why a body was rejected; the ingest endpoint maps <see cref="UnsupportedContentType"/> to 415 and the rest to 400.</summary>
public enum EventParseProblem
{
    /// <summary>The Content-Type (or its charset) is not one the source accepts.</summary>
    UnsupportedContentType,

    /// <summary>The body is empty, not UTF-8 (or the declared charset), or not JSON.</summary>
    NotJson,

    /// <summary>The body is JSON but not an object.</summary>
    WrongTopLevelType,

    /// <summary>Nesting is deeper than <see cref="EventParseException.MaxDepth"/> levels.</summary>
    TooDeep,

    /// <summary>An object has the same property twice.</summary>
    DuplicateProperty,

    /// <summary>A string escapes half of a UTF-16 surrogate pair, which no downstream JSON writer accepts.</summary>
    InvalidText,

    /// <summary>The body names no event.</summary>
    MissingEventName,

    /// <summary>A field the event needs is absent, null or empty.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type (a string where an object must be …).</summary>
    WrongFieldType,

    /// <summary>A field has the right type but a value the event does not allow.</summary>
    InvalidValue,
}
