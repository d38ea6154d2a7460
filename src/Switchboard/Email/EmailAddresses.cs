using System.Net.Mail;

namespace Switchboard.Email;

/// <summary>What counts as an email address in settings and configuration.</summary>
public static class EmailAddresses
{
    /// <summary>The longest address accepted (RFC 5321's limit on a forward path).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// True when <paramref name="address"/> is a bare address such as <c>crm@example.com</c>: no display name, no
    /// angle brackets, no list, at most <see cref="MaxLength"/> characters.
    /// </summary>
    public static bool IsValidRecipient(string? address) =>
        address is { Length: > 0 and <= MaxLength }
        && MailAddress.TryCreate(address, out var parsed)
        && string.Equals(parsed.Address, address, StringComparison.Ordinal)
        && string.IsNullOrEmpty(parsed.DisplayName);

    /// <summary>True when <paramref name="sender"/> is an address, with or without a display name (<c>Switchboard &lt;no-reply@example.com&gt;</c>).</summary>
    public static bool IsValidSender(string? sender) =>
        !string.IsNullOrWhiteSpace(sender)
        && MailAddress.TryCreate(sender, out var parsed)
        && parsed.Address.Length <= MaxLength;
}
