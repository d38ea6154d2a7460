using Microsoft.Extensions.Logging;

namespace Switchboard.Logging;

/// <summary>Passes entries to another logger with secrets removed from the message, the structured values and the exception.</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        if (exception is not null && SecretRedaction.MayHoldSecret(exception.ToString()))
        {
            exception = new RedactedException(exception);
        }

        var message = formatter(state, exception);
        var values = state as IEnumerable<KeyValuePair<string, object?>>;
        if (!SecretRedaction.MayHoldSecret(message) && (values is null || !values.Any(v => v.Value is string text && SecretRedaction.MayHoldSecret(text))))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, new RedactedLogState(message, values), exception, static (redacted, _) => redacted.Message);
    }
}
