using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Delivery;

/// <summary>
/// Standard Webhooks signatures: <c>v1,</c> + base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the secret's decoded bytes (a <c>whsec_</c> secret is base64 after its prefix). Several keys give
/// several signatures separated by spaces, so a receiver holding either the new or the old secret accepts the
/// request while secrets rotate.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The prefix of Standard Webhooks secrets.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The signature scheme's version prefix.</summary>
    public const string VersionPrefix = "v1,";

    /// <summary>
    /// The HMAC key of a secret: the base64 after <c>whsec_</c> (or the whole text when it has no prefix), decoded.
    /// Throws <see cref="FormatException"/> when it is not base64.
    /// </summary>
    public static byte[] DecodeSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return Convert.FromBase64String(text);
    }

    /// <summary>The <c>webhook-signature</c> header value: one <c>v1,…</c> signature per key, space-separated.</summary>
    public static string Sign(string webhookId, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(webhookId);
        ArgumentNullException.ThrowIfNull(keys);
        var signatures = new StringBuilder(keys.Count * 48);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in keys)
        {
            ComputeHash(key, webhookId, timestamp, body, hash);
            if (signatures.Length > 0)
            {
                signatures.Append(' ');
            }

            signatures.Append(VersionPrefix).Append(Convert.ToBase64String(hash));
        }

        return signatures.ToString();
    }

    /// <summary>Writes HMAC-SHA256(<paramref name="key"/>, <c>{id}.{timestamp}.{body}</c>) into <paramref name="destination"/> (32 bytes).</summary>
    public static void ComputeHash(byte[] key, string webhookId, long timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(webhookId);
        var prefix = $"{webhookId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.";
        var length = Encoding.UTF8.GetByteCount(prefix) + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(prefix, rented);
            body.CopyTo(rented.AsSpan(written));
            HMACSHA256.HashData(key, rented.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
