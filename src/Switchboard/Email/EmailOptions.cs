namespace Switchboard.Email;

/// <summary>
/// Configuration section <c>Email</c>: the SMTP server that sends session-outcome emails ("CRM personalizzato",
/// "Aggiornamento del record CRM via email"). Email is off while <see cref="Host"/> is empty; the options are validated
/// at start-up only when it is on.
/// </summary>
public sealed record EmailOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Email";

    /// <summary>The most retries <see cref="Attempts"/> allows, as for a trigger's linear policy.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The longest <see cref="Timeout"/> accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The SMTP server's host name or address; empty (the default) turns session-outcome email off.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The SMTP port (default 587, the submission port).</summary>
    public int Port { get; init; } = 587;

    /// <summary>
    /// Upgrades the connection with STARTTLS before authenticating and sending (default true). Implicit TLS (port 465)
    /// is not supported.
    /// </summary>
    public bool EnableSsl { get; init; } = true;

    /// <summary>The SMTP user name; empty (the default) sends without authenticating.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>The SMTP password; required when <see cref="UserName"/> is set. Never logged.</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>The sender, e.g. <c>no-reply@example.com</c> or <c>Switchboard &lt;no-reply@example.com&gt;</c>; required when email is on.</summary>
    public string From { get; init; } = string.Empty;

    /// <summary>
    /// Retries after a failed first send, 0–10 (default 3), with the linear policy: retry n waits n × 2 s. Connection
    /// errors, timeouts and transient SMTP replies (4xx) are retried; permanent replies (5xx) are not.
    /// </summary>
    public int Attempts { get; init; } = 3;

    /// <summary>How long one send may take, connecting to the final reply (default 30 s, at most 10 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when <see cref="Host"/> is set, so session-outcome emails are sent.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>What is wrong with these options, one message per problem, each naming its setting; empty when valid or off.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (Port is < 1 or > 65_535)
        {
            problems.Add("Email:Port must be from 1 to 65535.");
        }

        if (!EmailAddresses.IsValidSender(From))
        {
            problems.Add("Email:From must be an email address (optionally with a display name) when Email:Host is set.");
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            problems.Add("Email:Password is required when Email:UserName is set.");
        }

        if (Attempts is < 0 or > MaxAttempts)
        {
            problems.Add($"Email:Attempts must be from 0 to {MaxAttempts}.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
        {
            problems.Add($"Email:Timeout must be positive and at most {MaxTimeout:c}.");
        }

        return problems;
    }
}
