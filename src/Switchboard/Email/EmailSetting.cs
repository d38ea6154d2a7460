namespace Switchboard.Email;

/// <summary>
/// One level of the session-outcome email settings — the tenant's global setting or one queue's — as the
/// "Invia l'esito della sessione via email" switch and address of "CRM personalizzato".
/// </summary>
public sealed record EmailSetting
{
    /// <summary>A level with nothing stored: off, no address.</summary>
    public static EmailSetting Off { get; } = new();

    /// <summary>The "send the session outcome by email" switch.</summary>
    public bool Enabled { get; init; }

    /// <summary>Where the email goes; empty when none is set (and then nothing is sent from this level).</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>When the setting was last saved; null when it never was.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
