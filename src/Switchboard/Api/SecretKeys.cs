using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Api;

/// <summary>Key comparison that takes the same time whichever key and however much of it matches.</summary>
public static class SecretKeys
{
    /// <summary>True when <paramref name="presented"/> equals one of <paramref name="keys"/>; every key is compared.</summary>
    public static bool Contains(IEnumerable<string> keys, string? presented)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal-length inputs, so FixedTimeEquals does not leak the key's length.
        var candidate = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = false;
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)))
        {
            found |= CryptographicOperations.FixedTimeEquals(candidate, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return found;
    }
}
