using System.Security.Cryptography;

namespace Switchboard.Triggers;

/// <summary>Generating signing secrets, and keeping them out of API responses.</summary>
public static class TriggerSecrets
{
    private const string Prefix = "whsec_";

    /// <summary>A new secret: <c>whsec_</c> and base64 of 32 random bytes.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret as shown to people: the prefix and its last four characters.</summary>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length <= Prefix.Length + 8 ? Prefix + "…" : $"{Prefix}…{secret[^4..]}";
    }

    /// <summary>The trigger with every secret masked, for responses.</summary>
    public static Trigger Masked(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger with
        {
            Action = trigger.Action with
            {
                Secret = trigger.Action.Secret is null ? null : Mask(trigger.Action.Secret),
                PreviousSecrets = [.. trigger.Action.PreviousSecrets.Select(Mask)],
            },
        };
    }

    /// <summary>
    /// An update that sends back a masked secret (as read from the API) keeps the stored one, so a client
    /// can GET, edit and PUT without ever holding the secret.
    /// </summary>
    public static Trigger KeepStored(Trigger incoming, Trigger stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        var secret = incoming.Action.Secret is { } s && stored.Action.Secret is { } kept && s == Mask(kept) ? kept : incoming.Action.Secret;
        var previous = incoming.Action.PreviousSecrets
            .Select(p => stored.Action.PreviousSecrets.Concat(stored.Action.Secret is null ? [] : [stored.Action.Secret]).FirstOrDefault(k => Mask(k) == p) ?? p)
            .ToList();
        return incoming with { Action = incoming.Action with { Secret = secret, PreviousSecrets = previous } };
    }
}
