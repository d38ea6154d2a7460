using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Storage;

/// <summary>
/// The storage account as the Functions host reads <c>AzureWebJobsStorage</c>: a connection string (or
/// <c>UseDevelopmentStorage=true</c>), or identity-based settings. Creates the SDK's service clients for it with
/// Switchboard's defaults (<see cref="BlobOptions"/>, <see cref="QueueOptions"/>, <see cref="TableOptions"/>).
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The setting the Functions host and Switchboard read the account from.</summary>
    public const string DefaultSettingName = "AzureWebJobsStorage";

    private readonly string? connectionString;
    private readonly Uri? blobServiceUri;
    private readonly Uri? queueServiceUri;
    private readonly Uri? tableServiceUri;

    private StorageConnection(string? connectionString, Uri? blob, Uri? queue, Uri? table, TokenCredential? credential)
    {
        this.connectionString = connectionString;
        blobServiceUri = blob;
        queueServiceUri = queue;
        tableServiceUri = table;
        Credential = credential;
    }

    /// <summary>The Microsoft Entra ID credential of identity-based settings; null for a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>An account reached with a connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>).</summary>
    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection(connectionString, null, null, null, null);
    }

    /// <summary>True when the connection string is <c>UseDevelopmentStorage=true</c> (Azurite on its default ports).</summary>
    public static bool IsDevelopmentStorage(string? connectionString) =>
        connectionString is not null && connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(s => s.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the account the way the Functions host does: a connection string in <paramref name="name"/> (or under
    /// ConnectionStrings), or identity-based settings under <c>{name}__accountName</c> / <c>__blobServiceUri</c> /
    /// <c>__queueServiceUri</c> / <c>__tableServiceUri</c> (an explicit URI wins over the account name), authorised
    /// with <see cref="DefaultAzureCredential"/>, or a managed identity when <c>__credential</c> is
    /// <c>managedidentity</c> (user-assigned when <c>__clientId</c> is set). Throws
    /// <see cref="InvalidOperationException"/> naming the settings when nothing usable is configured.
    /// </summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
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
        return new StorageConnection(null, blob, queue, table, credential);
    }

    /// <summary>Options for blob clients: two quick retries, 30 s a try (a try may carry a 4 MiB block).</summary>
    public static BlobClientOptions BlobOptions() => Bounded(new BlobClientOptions(), TimeSpan.FromSeconds(30));

    /// <summary>
    /// Options for queue clients: two quick retries, 10 s a try, and message text as base64 of its UTF-8 bytes, what
    /// the Functions queue trigger reads by default, so either host's workers read what the other queued.
    /// </summary>
    public static QueueClientOptions QueueOptions()
    {
        var options = Bounded(new QueueClientOptions(), TimeSpan.FromSeconds(10));
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return options;
    }

    /// <summary>Options for table clients: two quick retries, 10 s a try (a query may run 5 s on the service).</summary>
    public static TableClientOptions TableOptions() => Bounded(new TableClientOptions(), TimeSpan.FromSeconds(10));

    /// <summary>
    /// The blob service client, with <see cref="BlobOptions"/> unless <paramref name="options"/> are given; a container
    /// that has gone missing is created again (<see cref="RecreateMissingPolicy"/>).
    /// </summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null)
    {
        var plain = BlobService(BlobOptions());
        options ??= BlobOptions();
        options.AddPolicy(
            new RecreateMissingPolicy(plain.Uri, "ContainerNotFound", (name, ct) => plain.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct)),
            HttpPipelinePosition.PerCall);
        return BlobService(options);
    }

    /// <summary>The queue service client, with <see cref="QueueOptions"/> unless <paramref name="options"/> are given; a missing queue is created again.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        var plain = QueueService(QueueOptions());
        options ??= QueueOptions();
        options.AddPolicy(
            new RecreateMissingPolicy(plain.Uri, "QueueNotFound", (name, ct) => plain.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: ct)),
            HttpPipelinePosition.PerCall);
        return QueueService(options);
    }

    /// <summary>The table service client, with <see cref="TableOptions"/> unless <paramref name="options"/> are given; a missing table is created again.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null)
    {
        var plain = TableService(TableOptions());
        options ??= TableOptions();
        options.AddPolicy(
            new RecreateMissingPolicy(plain.Uri, "TableNotFound", (name, ct) => plain.CreateTableIfNotExistsAsync(name, ct)),
            HttpPipelinePosition.PerCall);
        return TableService(options);
    }

    private BlobServiceClient BlobService(BlobClientOptions options) =>
        connectionString is not null ? new BlobServiceClient(connectionString, options) : new BlobServiceClient(blobServiceUri, Credential, options);

    private QueueServiceClient QueueService(QueueClientOptions options) =>
        connectionString is not null ? new QueueServiceClient(connectionString, options) : new QueueServiceClient(queueServiceUri, Credential, options);

    private TableServiceClient TableService(TableClientOptions options) =>
        connectionString is not null ? new TableServiceClient(connectionString, options) : new TableServiceClient(tableServiceUri, Credential, options);

    /// <summary>
    /// Retries sized for the ingest path, where a 202 waits for the queue put: the SDK's defaults (3 retries from
    /// 0.8 s, 100 s a try) keep a request hanging for many seconds when storage is down. Two retries 0.2 s and
    /// 0.4 s apart ride out a dropped connection or a 503 from a busy partition, and a refused connection fails the
    /// request in well under a second. The queue workers and the trigger cache already wait and try again through
    /// an outage, so nothing gains from more patience here.
    /// </summary>
    private static T Bounded<T>(T options, TimeSpan networkTimeout)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = networkTimeout;
        options.Diagnostics.ApplicationId = "Switchboard";
        return options;
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
}
