namespace Switchboard.Logging;

/// <summary>A log entry's structured values and message with secrets removed (<see cref="SecretRedaction"/>).</summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> values;

    public RedactedLogState(string message, IEnumerable<KeyValuePair<string, object?>>? values)
    {
        Message = SecretRedaction.Redact(message);
        this.values = [.. (values ?? []).Select(v => v.Value is string text ? new KeyValuePair<string, object?>(v.Key, SecretRedaction.Redact(text)) : v)];
    }

    public string Message { get; }

    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
