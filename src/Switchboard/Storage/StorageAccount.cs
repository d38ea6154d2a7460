using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Storage;

/// <summary>
/// One storage account: its three service endpoints and how requests to them are authorised.
/// Built from a connection string or from identity-based settings, as the Functions host reads
/// <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The Azurite account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite account key (public, documented by Azurite).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly Lazy<StorageChannel>[] channels;

    private StorageAccount(string name, Uri blob, Uri queue, Uri table, StorageSharedKeyCredential? sharedKey, TokenCredential? token)
    {
        Name = name;
        BlobEndpoint = WithTrailingSlash(blob);
        QueueEndpoint = WithTrailingSlash(queue);
        TableEndpoint = WithTrailingSlash(table);
        SharedKey = sharedKey;
        Token = token;
        channels = Enum.GetValues<StorageService>()
            .Select(s => new Lazy<StorageChannel>(() => new StorageChannel(CreatePipeline(s), Endpoint(s), s)))
            .ToArray();
    }

    /// <summary>The account name.</summary>
    public string Name { get; }

    /// <summary>The blob service endpoint, ending in a slash.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint, ending in a slash.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint, ending in a slash.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The account key credential, when the account is reached with Shared Key.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>The Microsoft Entra ID credential, when the account is reached with bearer tokens.</summary>
    public TokenCredential? Token { get; }

    /// <summary>The Azurite account on its default ports (what <c>UseDevelopmentStorage=true</c> means).</summary>
    public static StorageAccount Development(string host = "127.0.0.1", int blobPort = 10000, int queuePort = 10001, int tablePort = 10002) =>
        new(
            DevelopmentAccountName,
            new Uri($"http://{host}:{blobPort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{queuePort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{tablePort}/{DevelopmentAccountName}"),
            new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
            null);

    /// <summary>An account reached with Microsoft Entra ID tokens at explicit endpoints.</summary>
    public static StorageAccount WithToken(string name, Uri blob, Uri queue, Uri table, TokenCredential credential) =>
        new(name, blob, queue, table, null, credential);

    /// <summary>True when the connection string is <c>UseDevelopmentStorage=true</c>.</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        connectionString is not null && connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(s => s.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses a storage connection string: <c>UseDevelopmentStorage=true</c>, or <c>AccountName</c> and
    /// <c>AccountKey</c> with either explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c> or
    /// <c>DefaultEndpointsProtocol</c> and <c>EndpointSuffix</c>. Throws <see cref="FormatException"/> naming
    /// the missing or malformed part.
    /// </summary>
    public static StorageAccount Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Storage connection string segment '{Redacted(segment)}' is not name=value.");
            }

            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (IsDevelopmentStorage(connectionString))
        {
            return Development();
        }

        var name = Required(parts, "AccountName");
        var key = Required(parts, "AccountKey");
        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(name, key);
        }
        catch (FormatException)
        {
            throw new FormatException("Storage connection string AccountKey is not base64.");
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageAccount(
            name,
            Endpoint(parts, "BlobEndpoint", $"{protocol}://{name}.blob.{suffix}"),
            Endpoint(parts, "QueueEndpoint", $"{protocol}://{name}.queue.{suffix}"),
            Endpoint(parts, "TableEndpoint", $"{protocol}://{name}.table.{suffix}"),
            credential,
            null);
    }

    /// <summary>
    /// Reads the account the way the Functions host does: a connection string in
    /// <paramref name="name"/> (or under ConnectionStrings), or identity-based settings under
    /// <c>{name}__accountName</c> / <c>__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c>,
    /// authorised with <see cref="DefaultAzureCredential"/>, or a managed identity when
    /// <c>__credential</c> is <c>managedidentity</c> (with <c>__clientId</c> for a user-assigned one).
    /// Throws <see cref="InvalidOperationException"/> when nothing is configured.
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string name = "AzureWebJobsStorage")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString);
        }

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", accountName, "blob");
        var queue = ServiceUri(section, "queueServiceUri", accountName, "queue");
        var table = ServiceUri(section, "tableServiceUri", accountName, "table");
        if (blob is null || queue is null || table is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{name}' to a connection string, or '{name}__accountName' " +
                $"(or '{name}__blobServiceUri', '{name}__queueServiceUri' and '{name}__tableServiceUri') for identity-based access.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return WithToken(accountName ?? blob.Host.Split('.')[0], blob, queue, table, credential);
    }

    /// <summary>The endpoint of one service.</summary>
    public Uri Endpoint(StorageService service) => service switch
    {
        StorageService.Blob => BlobEndpoint,
        StorageService.Queue => QueueEndpoint,
        StorageService.Table => TableEndpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown storage service."),
    };

    /// <summary>
    /// A pipeline for one service, signing with Shared Key (SharedKeyLite for tables) or bearer tokens
    /// for <c>https://storage.azure.com/.default</c>. Authorization headers are redacted in logs.
    /// </summary>
    public HttpPipeline CreatePipeline(StorageService service, StorageClientOptions? options = null)
    {
        HttpPipelinePolicy authorization = (SharedKey, service) switch
        {
            (not null, StorageService.Table) => new SharedKeyLitePolicy(SharedKey),
            (not null, _) => new SharedKeyPolicy(SharedKey),
            _ => new BearerTokenAuthenticationPolicy(Token!, StorageScope),
        };
        return HttpPipelineBuilder.Build(options ?? new StorageClientOptions(), authorization);
    }

    /// <summary>A client for one table; cheap, shares this account's pipeline.</summary>
    public TableClient GetTableClient(string tableName) => new(Channel(StorageService.Table), tableName);

    /// <summary>A client for one queue; cheap, shares this account's pipeline.</summary>
    public QueueClient GetQueueClient(string queueName) => new(Channel(StorageService.Queue), queueName);

    /// <summary>A client for one blob container; cheap, shares this account's pipeline.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => new(Channel(StorageService.Blob), containerName);

    internal StorageChannel Channel(StorageService service) => channels[(int)service].Value;

    private static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Storage connection string has no {name}.");

    private static Uri Endpoint(Dictionary<string, string> parts, string name, string fallback)
    {
        var text = parts.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new FormatException($"Storage connection string {name} '{text}' is not an absolute URI.");
    }

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service)
    {
        var text = section[key];
        if (!string.IsNullOrWhiteSpace(text))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Storage setting '{section.Path}__{key}' is not an absolute URI.");
        }

        return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string Redacted(string segment) =>
        segment.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) ? "AccountKey=…" : segment;
}
