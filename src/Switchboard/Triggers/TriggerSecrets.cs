using System.Security.Cryptography;
using Switchboard.Delivery;

namespace Switchboard.Triggers;

/// <summary>
/// Generating signing secrets, and keeping credentials out of API responses: the signing secrets, every header value
/// (any of them may authenticate, and which do cannot be told from the name) and the credentials in the URL.
/// </summary>
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

    /// <summary>The trigger with every secret, header value and URL password masked, for responses.</summary>
    public static Trigger Masked(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var action = trigger.Action;
        return trigger with
        {
            Action = action with
            {
                Url = SecretMask.MaskUrl(action.Url),
                Headers = action.Headers.ToDictionary(h => h.Key, h => SecretMask.Mask(h.Value)),
                Secret = action.Secret is null ? null : Mask(action.Secret),
                PreviousSecrets = [.. action.PreviousSecrets.Select(Mask)],
            },
        };
    }

    /// <summary>
    /// An update that sends back a masked value (as read from the API) keeps the stored one, so a client can GET, edit
    /// and PUT without ever holding the credentials. Header values and URL credentials are kept only while the URL
    /// stays on the stored origin (scheme, host and port): a masked one that would go elsewhere is a problem naming the
    /// field, and must be sent again. Signing secrets never leave Switchboard, so they are kept wherever the URL goes.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> KeepStored(Trigger incoming, Trigger stored, out Trigger kept)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        var action = incoming.Action;
        var was = stored.Action;
        var secret = action.Secret is { } s && was.Secret is { } storedSecret && s == Mask(storedSecret) ? storedSecret : action.Secret;
        var previous = (action.PreviousSecrets ?? [])
            .Select(p => was.PreviousSecrets.Concat(was.Secret is null ? [] : [was.Secret]).FirstOrDefault(k => Mask(k) == p) ?? p)
            .ToList();

        var masked = new List<string>();
        var url = action.Url;
        if (url is not null)
        {
            url = SecretMask.KeepUrlCredentials(url, was.Url, out var urlKept);
            if (urlKept)
            {
                masked.Add("action.url");
            }
        }

        Dictionary<string, string>? headers = null;
        if (action.Headers is not null)
        {
            headers = new Dictionary<string, string>(action.Headers.Count);
            foreach (var (name, value) in action.Headers)
            {
                var original = was.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                if (SecretMask.IsMaskOf(value, original))
                {
                    masked.Add($"action.headers.{name}");
                    headers[name] = original;
                }
                else
                {
                    headers[name] = value;
                }
            }
        }

        kept = incoming with { Action = action with { Url = url!, Headers = headers!, Secret = secret, PreviousSecrets = previous } };
        var (from, to) = (SecretMask.Origin(was.Url), SecretMask.Origin(action.Url));
        return masked.Count == 0 || from == to
            ? new Dictionary<string, string[]>()
            : masked.ToDictionary(field => field, _ => new[] { $"is masked, and the URL moves from {from} to {to}: send the value itself, so it is not sent to the new origin unseen" });
    }
}
