namespace Switchboard.Events;

/// <summary>
/// A body that cannot be read as the platform's payload. It names the place (a JSON Pointer into the body)
/// and the problem, so the ingest endpoint can answer with a problem+json that names the field.
/// </summary>
public sealed class EventParseException : Exception
{
    /// <summary>The deepest nesting of objects and arrays a body may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>Creates the exception for a problem at <paramref name="field"/>.</summary>
    /// <param name="kind">The class of problem.</param>
    /// <param name="field">An RFC 6901 JSON Pointer to the offending value; empty for the body as a whole.</param>
    /// <param name="problem">What is wrong, for a person to read.</param>
    /// <param name="innerException">The parser's own exception, if any.</param>
    public EventParseException(EventParseProblem kind, string field, string problem, Exception? innerException = null)
        : base(Describe(field, problem), innerException)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrEmpty(problem);
        Kind = kind;
        Field = field;
        Problem = problem;
    }

    /// <summary>The class of problem.</summary>
    public EventParseProblem Kind { get; }

    /// <summary>
    /// Where the problem is, as an RFC 6901 JSON Pointer into the body (<c>/data/call_id</c>; a form field
    /// <c>cdr[id]</c> is <c>/cdr/id</c>); empty for the body as a whole.
    /// </summary>
    public string Field { get; }

    /// <summary>What is wrong, without the field.</summary>
    public string Problem { get; }

    private static string Describe(string? field, string? problem) =>
        string.IsNullOrEmpty(field) ? $"body: {problem}" : $"{field}: {problem}";
}
