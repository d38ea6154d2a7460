using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Tests.Delivery;

/// <summary>
/// Standard Webhooks signature checking written from the specification, sharing no code with Switchboard: the key
/// is the base64 after <c>whsec_</c>, the signed content <c>{id}.{timestamp}.{body}</c>, the header a space-separated
/// list of <c>v1,base64</c>.
/// </summary>
internal static class IndependentSignature
{
    public static string Compute(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        using var hmac = new HMACSHA256(key);
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(content));
    }

    public static bool Matches(string secret, ReceivedRequest request) =>
        request.Header("webhook-signature") is { } header
        && header.Split(' ').Contains(Compute(secret, request.Header("webhook-id")!, request.Header("webhook-timestamp")!, request.Body));
}
