using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Switchboard.Storage;

/// <summary>
/// Signs blob and queue requests with the Shared Key scheme. Runs once per try, so a retried request
/// carries a fresh <c>x-ms-date</c> and signature.
/// </summary>
public sealed class SharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] SignedHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        var signature = credential.Sign(StringToSign(message.Request, credential.AccountName));
        message.Request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    /// <summary>The Shared Key string to sign for a blob or queue request.</summary>
    public static string StringToSign(Request request, string accountName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder(256);
        text.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in SignedHeaders)
        {
            text.Append(SignedHeaderValue(request, name)).Append('\n');
        }

        CanonicalHeaders(request, text);
        text.Append(CanonicalResource(request.Uri.ToUri(), accountName, includeQuery: true));
        return text.ToString();
    }

    /// <summary>
    /// "/" + account + path, then for each query parameter (names lower-cased, sorted) a line
    /// "name:value1,value2" with the decoded values sorted.
    /// </summary>
    public static string CanonicalResource(Uri uri, string accountName, bool includeQuery)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        if (!includeQuery)
        {
            return text.ToString();
        }

        foreach (var parameter in QueryParameters(uri.Query).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(parameter.Key).Append(':')
                .Append(string.Join(',', parameter.Value.Order(StringComparer.Ordinal)));
        }

        return text.ToString();
    }

    /// <summary>Query parameters by lower-cased name with their decoded values.</summary>
    public static Dictionary<string, List<string>> QueryParameters(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }

    private static string SignedHeaderValue(Request request, string name)
    {
        if (name == "Content-Length")
        {
            // Azure.Core sets Content-Length in the transport, after this policy, so it is computed here.
            return request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
                ? length.ToString(CultureInfo.InvariantCulture)
                : string.Empty;
        }

        return request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
    }

    private static void CanonicalHeaders(Request request, StringBuilder text)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }
    }
}
