using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage;

/// <summary>An account name and its base64 account key, used to sign requests with Shared Key.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] key;

    /// <summary>Creates the credential; throws <see cref="FormatException"/> when the key is not base64.</summary>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        key = Convert.FromBase64String(accountKey);
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>Base64 of HMAC-SHA256 over the UTF-8 string to sign, keyed with the decoded account key.</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
}
