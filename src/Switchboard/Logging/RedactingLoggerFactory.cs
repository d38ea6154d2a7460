using Microsoft.Extensions.Logging;

namespace Switchboard.Logging;

/// <summary>
/// A logger factory whose loggers pass every entry through <see cref="SecretRedaction"/> before the providers see it.
/// It wraps the loggers rather than the providers, so filter rules that name a provider keep applying.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
