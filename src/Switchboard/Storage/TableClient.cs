using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace Switchboard.Storage;

/// <summary>
/// One table: create, entity reads and writes with ETag concurrency, queries with continuation
/// paging, and entity group transactions. Method names follow Azure.Data.Tables.
/// </summary>
public sealed partial class TableClient
{
    /// <summary>The most operations one entity group transaction may carry.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>The most entities one query page returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly StorageChannel channel;

    internal TableClient(StorageChannel channel, string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        this.channel = channel;
        Name = tableName;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        await channel.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
    }

    /// <summary>Deletes the table; true when it existed.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, $"Tables({Uri.EscapeDataString(TableFilter.Quote(Name))})");
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Reads one entity; throws <see cref="StorageException"/> (NotFound) when it does not exist.</summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetEntityIfExistsAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false)
        ?? throw new StorageException(404, "ResourceNotFound", $"Entity ({partitionKey}, {rowKey}) is not in table {Name}.");

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var query = select is null ? string.Empty : "?$select=" + Uri.EscapeDataString(string.Join(',', select));
        using var message = channel.Create(RequestMethod.Get, EntityPath(partitionKey, rowKey) + query);
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Read(json.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    /// <summary>
    /// Inserts the entity and returns its ETag; throws <see cref="StorageException"/> with
    /// <see cref="StorageErrorKind.AlreadyExists"/> when an entity with its keys exists.
    /// </summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = channel.Create(RequestMethod.Post, Uri.EscapeDataString(Name));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return await SendEntityAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts or updates the entity (merge keeps properties it does not carry) and returns its ETag.</summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = channel.Create(Method(mode), EntityPath(entity.PartitionKey, entity.RowKey));
        return await SendEntityAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity when its ETag still is <paramref name="ifMatch"/> (<see cref="ETag.All"/>:
    /// whatever it is) and returns the new ETag; throws <see cref="StorageException"/> with
    /// <see cref="StorageErrorKind.PreconditionFailed"/> when another write came first, NotFound when it is gone.
    /// </summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = channel.Create(Method(mode), EntityPath(entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue("If-Match", IfMatch(ifMatch));
        return await SendEntityAsync(message, entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the entity when its ETag still is <paramref name="ifMatch"/> (default: whatever it is);
    /// false when it did not exist; <see cref="StorageErrorKind.PreconditionFailed"/> when it changed.
    /// </summary>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", IfMatch(ifMatch));
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// Every entity matching <paramref name="filter"/> (build it with <see cref="TableFilter"/>), reading
    /// <paramref name="pageSize"/> entities (1–1000) a request and following continuation tokens.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null, IEnumerable<string>? select = null, int pageSize = MaxPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var columns = select?.ToArray();
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, columns, pageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// One page of a query: up to <paramref name="pageSize"/> entities (1–1000, the <c>$top</c>) and the token
    /// for the next page. The service may return fewer than asked, even none, with a token.
    /// </summary>
    public async Task<TablePage> QueryPageAsync(
        string? filter = null, IEnumerable<string>? select = null, int pageSize = MaxPageSize, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var query = new StringBuilder("()?$top=").Append(pageSize);
        if (!string.IsNullOrEmpty(filter))
        {
            query.Append("&$filter=").Append(Uri.EscapeDataString(filter));
        }

        if (select is not null)
        {
            query.Append("&$select=").Append(Uri.EscapeDataString(string.Join(',', select)));
        }

        if (continuationToken is not null)
        {
            var (partition, row) = ParseContinuation(continuationToken);
            query.Append("&NextPartitionKey=").Append(Uri.EscapeDataString(partition));
            if (row.Length > 0)
            {
                query.Append("&NextRowKey=").Append(Uri.EscapeDataString(row));
            }
        }

        using var message = channel.Create(RequestMethod.Get, Uri.EscapeDataString(Name) + query);
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var items = json.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Read).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
        return new TablePage(items, nextPartition is null ? null : FormatContinuation(nextPartition, nextRow ?? string.Empty));
    }

    /// <summary>
    /// Runs up to 100 operations on one partition atomically and returns each operation's new ETag (default
    /// for deletes). When one fails, none is applied and <see cref="StorageException"/> names the failing
    /// operation's index in its message.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentOutOfRangeException.ThrowIfZero(actions.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(actions.Count, MaxTransactionActions);
        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new ArgumentException("An entity group transaction must stay within one partition.", nameof(actions));
        }

        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        using var message = channel.Create(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batch}");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(TransactionBody(actions, batch, changeset)));
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return TransactionResult(response.Content.ToString(), actions.Count);
    }

    private async Task<ETag> SendEntityAsync(HttpMessage message, TableEntity entity, CancellationToken cancellationToken)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var etag = response.Headers.ETag ?? default;
        entity.ETag = etag;
        return etag;
    }

    private string EntityPath(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return $"{Uri.EscapeDataString(Name)}(PartitionKey={Uri.EscapeDataString(TableFilter.Quote(partitionKey))},RowKey={Uri.EscapeDataString(TableFilter.Quote(rowKey))})";
    }

    private static RequestMethod Method(TableUpdateMode mode) => mode == TableUpdateMode.Merge ? RequestMethod.Patch : RequestMethod.Put;

    private static string IfMatch(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString("H");

    private static string FormatContinuation(string partition, string row) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(partition + "\n" + row));

    private static (string Partition, string Row) ParseContinuation(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The continuation token is not one this client issued.", nameof(token), exception);
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0
            ? throw new ArgumentException("The continuation token is not one this client issued.", nameof(token))
            : (text[..newline], text[(newline + 1)..]);
    }

    private string TransactionBody(IReadOnlyList<TableTransactionAction> actions, string batch, string changeset)
    {
        var body = new StringBuilder();
        body.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var (type, entity) in actions)
        {
            var (verb, path, withBody, ifMatch) = type switch
            {
                TableTransactionActionType.Add => ("POST", Uri.EscapeDataString(Name), true, null),
                TableTransactionActionType.UpsertMerge => ("MERGE", EntityPath(entity.PartitionKey, entity.RowKey), true, null),
                TableTransactionActionType.UpsertReplace => ("PUT", EntityPath(entity.PartitionKey, entity.RowKey), true, null),
                TableTransactionActionType.UpdateMerge => ("MERGE", EntityPath(entity.PartitionKey, entity.RowKey), true, IfMatch(entity.ETag)),
                TableTransactionActionType.UpdateReplace => ("PUT", EntityPath(entity.PartitionKey, entity.RowKey), true, IfMatch(entity.ETag)),
                TableTransactionActionType.Delete => ("DELETE", EntityPath(entity.PartitionKey, entity.RowKey), false, IfMatch(entity.ETag)),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), type, "Unknown transaction action."),
            };
            body.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append(verb).Append(' ').Append(new Uri(channel.Endpoint, path).AbsoluteUri).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (withBody)
            {
                body.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }

        body.Append("--").Append(changeset).Append("--\r\n").Append("--").Append(batch).Append("--\r\n");
        return body.ToString();
    }

    private ETag[] TransactionResult(string body, int count)
    {
        var statuses = StatusLine().Matches(body);
        foreach (Match status in statuses)
        {
            var code = int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (code >= 400)
            {
                var part = body[status.Index..];
                var error = ErrorCode().Match(part);
                var text = ErrorMessage().Match(part);
                var detail = text.Success ? Regex.Unescape(text.Groups[1].Value) : status.Groups[2].Value;
                throw new StorageException(
                    code,
                    error.Success ? error.Groups[1].Value : null,
                    $"Transaction on table {Name} failed, nothing was applied: {code} {detail}");
            }
        }

        var etags = new ETag[count];
        var index = 0;
        foreach (Match status in statuses)
        {
            if (index == count)
            {
                break;
            }

            var next = status.NextMatch();
            var part = next.Success ? body[status.Index..next.Index] : body[status.Index..];
            var etag = ETagHeader().Match(part);
            etags[index++] = etag.Success ? new ETag(etag.Groups[1].Value.Trim()) : default;
        }

        return etags;
    }

    [GeneratedRegex(@"HTTP/1\.1 (\d{3}) ?([^\r\n]*)")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"(?im)^ETag:\s*(.+?)\r?$")]
    private static partial Regex ETagHeader();

    [GeneratedRegex("\"code\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex ErrorCode();

    [GeneratedRegex("\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex ErrorMessage();
}
