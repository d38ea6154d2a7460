namespace Switchboard.Logging;

/// <summary>
/// Stands in for a logged exception whose text holds a secret (Kestrel's "Invalid request line: '…?code=…'"): the same
/// message, stack and inner exceptions as text, with <see cref="SecretRedaction"/> applied.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string text;

    public RedactedException(Exception original)
        : base($"{original.GetType().FullName}: {SecretRedaction.Redact(original.Message)}")
    {
        text = SecretRedaction.Redact(original.ToString());
        StackTraceText = original.StackTrace;
        HResult = original.HResult;
    }

    public override string? StackTrace => StackTraceText;

    private string? StackTraceText { get; }

    public override string ToString() => text;
}
