namespace Switchboard.Crm.Settings;

/// <summary>The credentials of HTTP basic authentication.</summary>
public sealed record CrmBasicAuth
{
    /// <summary>The user name; it may not contain ':'.</summary>
    public string Username { get; init; } = string.Empty;

    /// <summary>The password; masked in API responses.</summary>
    public string Password { get; init; } = string.Empty;
}
