using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Delivery;

/// <summary>
/// Checks a Switchboard webhook on the receiving side: the <c>webhook-signature</c> must hold a <c>v1,</c> signature
/// that one of the secrets produces over <c>{webhook-id}.{webhook-timestamp}.{body}</c> (compared in constant time),
/// and <c>webhook-timestamp</c> must be within <see cref="Tolerance"/> of now (default 5 minutes), so a captured
/// request cannot be replayed later. Pass the body exactly as received, before any parsing.
/// </summary>
public sealed class WebhookVerifier
{
    private readonly byte[][] keys;
    private readonly TimeProvider time;

    /// <summary>A verifier for one secret (<c>whsec_</c>…); throws <see cref="FormatException"/> when it is not base64.</summary>
    public WebhookVerifier(string secret, TimeProvider? time = null)
        : this([secret], time)
    {
    }

    /// <summary>A verifier accepting any of <paramref name="secrets"/>, for the time a secret is being rotated.</summary>
    public WebhookVerifier(IEnumerable<string> secrets, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        keys = [.. secrets.Select(WebhookSigner.DecodeSecret)];
        if (keys.Length == 0)
        {
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        }

        this.time = time ?? TimeProvider.System;
    }

    /// <summary>How far <c>webhook-timestamp</c> may be from now, either way (default 5 minutes, as Standard Webhooks recommends).</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>True when the request is signed with one of the secrets and its timestamp is recent.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (Unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header.</param>
    public bool Verify(ReadOnlySpan<byte> body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookSignature)
            || !long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((time.GetUtcNow() - sent).Duration() > Tolerance)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var valid = false;
        foreach (var key in keys)
        {
            WebhookSigner.ComputeHash(key, webhookId, timestamp, body, expected);
            foreach (var candidate in webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Every candidate is compared, so timing does not reveal which one (or whether any) matched.
                valid |= candidate.StartsWith(WebhookSigner.VersionPrefix, StringComparison.Ordinal)
                    && Convert.TryFromBase64String(candidate[WebhookSigner.VersionPrefix.Length..], presented, out var length)
                    && length == presented.Length
                    && CryptographicOperations.FixedTimeEquals(expected, presented);
            }
        }

        return valid;
    }

    /// <summary>As <see cref="Verify(ReadOnlySpan{byte}, string?, string?, string?)"/> for a body already read as UTF-8 text.</summary>
    public bool Verify(string body, string? webhookId, string? webhookTimestamp, string? webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(Encoding.UTF8.GetBytes(body), webhookId, webhookTimestamp, webhookSignature);
    }
}
