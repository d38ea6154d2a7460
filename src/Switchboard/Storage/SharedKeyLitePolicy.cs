using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Storage;

/// <summary>
/// Signs table requests with SharedKeyLite, the scheme Azure.Data.Tables uses:
/// <c>x-ms-date + "\n" + "/" + account + path</c>, plus <c>?comp=</c> when the request has one.
/// </summary>
public sealed class SharedKeyLitePolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = credential.Sign(StringToSign(date, message.Request.Uri.ToUri(), credential.AccountName));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{signature}");
    }

    /// <summary>The SharedKeyLite string to sign for a table request.</summary>
    public static string StringToSign(string date, Uri uri, string accountName)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var resource = SharedKeyPolicy.CanonicalResource(uri, accountName, includeQuery: false);
        var comp = SharedKeyPolicy.QueryParameters(uri.Query).GetValueOrDefault("comp");
        return comp is null ? $"{date}\n{resource}" : $"{date}\n{resource}?comp={comp[0]}";
    }
}
