using System.Xml.Linq;
using Azure.Storage;
using Azure.Storage.Sas;
using Switchboard.Host.Development;

namespace Switchboard.Bench.Storage;

/// <summary>
/// The baseline the SDK clients are measured against: a bare HttpClient sending the same REST requests to an
/// Azurite, authorised by an account SAS made once, so the client does nothing per request but send it.
/// </summary>
internal sealed class BareStorage : IDisposable
{
    // Azurite serves any version (it runs with --skipApiVersionCheck); the SDKs send one at least this new.
    private const string Version = "2025-11-05";

    private readonly HttpClient http = new();
    private readonly string sas;

    public BareStorage(AzuriteProcess azurite)
    {
        QueueEndpoint = new Uri($"http://127.0.0.1:{azurite.QueuePort}/{AzuriteProcess.AccountName}/");
        TableEndpoint = new Uri($"http://127.0.0.1:{azurite.TablePort}/{AzuriteProcess.AccountName}/");
        var builder = new AccountSasBuilder(
            AccountSasPermissions.All, DateTimeOffset.UtcNow.AddDays(1), AccountSasServices.Queues | AccountSasServices.Tables, AccountSasResourceTypes.All);
        sas = builder.ToSasQueryParameters(new StorageSharedKeyCredential(AzuriteProcess.AccountName, AzuriteProcess.AccountKey)).ToString();
    }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    /// <summary>Puts a queue message whose stored text is <paramref name="base64Text"/>.</summary>
    public Task SendMessageAsync(string queue, string base64Text) =>
        SendAsync(HttpMethod.Post, new Uri(QueueEndpoint, $"{queue}/messages"), $"<QueueMessage><MessageText>{base64Text}</MessageText></QueueMessage>", "application/xml");

    /// <summary>Receives up to <paramref name="count"/> messages; their ids and pop receipts.</summary>
    public async Task<IReadOnlyList<(string Id, string PopReceipt)>> ReceiveMessagesAsync(string queue, int count, int visibilitySeconds)
    {
        var list = XDocument.Parse(await SendAsync(HttpMethod.Get, new Uri(QueueEndpoint, $"{queue}/messages?numofmessages={count}&visibilitytimeout={visibilitySeconds}")));
        return [.. list.Root!.Elements("QueueMessage").Select(m => (m.Element("MessageId")!.Value, m.Element("PopReceipt")!.Value))];
    }

    public Task DeleteMessageAsync(string queue, string id, string popReceipt) =>
        SendAsync(HttpMethod.Delete, new Uri(QueueEndpoint, $"{queue}/messages/{id}?popreceipt={Uri.EscapeDataString(popReceipt)}"));

    /// <summary>Inserts or merges an entity given as JSON.</summary>
    public Task UpsertEntityAsync(string table, string partitionKey, string rowKey, string json) =>
        SendAsync(HttpMethod.Patch, new Uri(TableEndpoint, $"{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')"), json, "application/json");

    public void Dispose() => http.Dispose();

    private async Task<string> SendAsync(HttpMethod method, Uri uri, string? body = null, string? contentType = null)
    {
        var signed = new UriBuilder(uri) { Query = string.IsNullOrEmpty(uri.Query) ? sas : $"{uri.Query[1..]}&{sas}" }.Uri;
        using var request = new HttpRequestMessage(method, signed);
        request.Headers.Add("x-ms-version", Version);
        if (uri.Port == TableEndpoint.Port)
        {
            request.Headers.Add("DataServiceVersion", "3.0");
            request.Headers.Add("Accept", "application/json;odata=nometadata");
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{method} {uri}: {(int)response.StatusCode} {text}");
    }
}
