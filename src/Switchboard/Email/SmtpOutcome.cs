using Switchboard.Delivery;

namespace Switchboard.Email;

/// <summary>What one attempt to hand an email to the SMTP server came to: its reply code, or an error.</summary>
public sealed record SmtpOutcome
{
    /// <summary>The server's reply code (250 when it took the message, 451 for a local error …); null when none arrived.</summary>
    public int? ReplyCode { get; init; }

    /// <summary>
    /// Why no usable reply arrived: <see cref="AttemptError.Connection"/> (the server could not be reached, TLS
    /// failed, the connection dropped), <see cref="AttemptError.Timeout"/>, or <see cref="AttemptError.Request"/> (the
    /// message could not be put together). <see cref="AttemptError.None"/> when the server replied.
    /// </summary>
    public AttemptError Error { get; init; }

    /// <summary>The server's or the error's message, for people; null on success.</summary>
    public string? Message { get; init; }

    /// <summary>From connecting to the last reply (or giving up).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>True when the server took the message (a 2xx reply).</summary>
    public bool Succeeded => Error == AttemptError.None && ReplyCode is >= 200 and < 300;

    /// <summary>The server took the message.</summary>
    public static SmtpOutcome Accepted(TimeSpan latency) => new() { ReplyCode = 250, Latency = latency };

    /// <summary>The server refused the message with <paramref name="replyCode"/>.</summary>
    public static SmtpOutcome Refused(int replyCode, string message, TimeSpan latency) => new() { ReplyCode = replyCode, Message = message, Latency = latency };

    /// <summary>No usable reply arrived.</summary>
    public static SmtpOutcome Failure(AttemptError error, string message, TimeSpan latency = default) => new() { Error = error, Message = message, Latency = latency };

    /// <summary>The outcome as the attempt log records it: the reply code as the status, the message as the error when it failed.</summary>
    public AttemptOutcome ToAttemptOutcome() => new()
    {
        StatusCode = ReplyCode,
        Error = Error,
        ErrorMessage = Succeeded ? null : Message,
        Latency = Latency,
    };
}
