using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Delivery;

/// <summary>
/// The attempt log, table <c>Deliveries</c>. PartitionKey is the tenant, so every row of a delivery lives in one
/// partition and each attempt is written in one entity-group transaction, without reading anything back. RowKeys:
/// <list type="bullet">
/// <item><c>a|{deliveryId}|{attempt:0000}</c> — one row per attempt;</item>
/// <item><c>d|{deliveryId}</c> — the delivery's summary (state, last attempt), and for a dead letter the event to replay;</item>
/// <item><c>k|{kind}|{deliveryId}</c>, <c>t|{triggerId}|{deliveryId}</c> (webhooks), <c>e|{eventId}|{deliveryId}</c>,
/// <c>s|{state}|{deliveryId}</c> — copies of the summary that make listing by kind, trigger, event or state a range read
/// inside the tenant's partition.</item>
/// </list>
/// A dead letter keeps the work that makes its attempts (<see cref="PipelineWork"/>, for replay): in the summary row
/// when it fits (<see cref="MaxInlinePayloadChars"/>), otherwise in blob <c>{tenant}/{deliveryId}.json</c> of
/// <see cref="DeliveryOptions.PayloadContainer"/>. Rows written before kinds existed read as the kind their trigger id
/// named (<c>email</c>, <c>crm-…</c>), and their kept event as a webhook's work.
/// </summary>
public sealed class DeliveryLog(TableClient table, BlobContainerClient payloads)
{
    /// <summary>The table name.</summary>
    public const string TableName = "Deliveries";

    /// <summary>Work up to this many characters of JSON is kept in the table (a string property holds 32 K UTF-16 characters).</summary>
    public const int MaxInlinePayloadChars = 30_000;

    private static readonly JsonWriterOptions PayloadWriterOptions = new()
    {
        // Kept for replay, never shown in HTML: escaping only what JSON requires keeps the text short and readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = PipelineJson.Options.MaxDepth,
    };

    /// <summary>
    /// Records an attempt and the summary after it in one transaction, with <paramref name="work"/> (what makes the
    /// delivery's attempts, kept for replay) when the delivery failed for good. <paramref name="previous"/> is the summary before the
    /// attempt, as the caller read it. False when this attempt number was already recorded (a concurrent or repeated
    /// run), in which case nothing changed.
    /// </summary>
    public async Task<bool> RecordAsync(DeliveryAttempted attempt, DeliveryRecord summary, DeliveryRecord? previous, PipelineWork? work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(summary);
        var tenant = summary.Tenant;
        var head = Summary(tenant, SummaryKey(summary.DeliveryId), summary);
        if (work is not null && summary.State == DeliveryState.Failed)
        {
            await AttachWorkAsync(head, work, cancellationToken).ConfigureAwait(false);
        }

        var actions = new List<TableTransactionAction>(6)
        {
            new(TableTransactionActionType.Add, AttemptEntity(attempt)),
            new(TableTransactionActionType.UpsertReplace, head),
        };
        actions.AddRange(IndexKeys(summary, summary.State).Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Summary(tenant, key, summary))));
        if (previous is not null && previous.State != summary.State)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(tenant, StateKey(previous.State, previous.DeliveryId))));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The delivery's summary, or null when the log has no such delivery.</summary>
    public async Task<DeliveryRecord?> GetAsync(string tenant, string deliveryId, CancellationToken cancellationToken = default)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenant, SummaryKey(deliveryId), SummaryColumns, cancellationToken).ConfigureAwait(false);
        return found.HasValue ? ReadSummary(tenant, found.Value!) : null;
    }

    /// <summary>The delivery and its attempts, or null when the log has no such delivery.</summary>
    public async Task<DeliveryHistory?> GetHistoryAsync(string tenant, string deliveryId, CancellationToken cancellationToken = default)
    {
        var summary = await GetAsync(tenant, deliveryId, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return null;
        }

        var attempts = new List<DeliveryAttempted>();
        await foreach (var entity in table.QueryAsync<TableEntity>(Range(tenant, $"a|{deliveryId}|"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(ReadAttempt(tenant, entity));
        }

        return new DeliveryHistory(summary, attempts);
    }

    /// <summary>
    /// One page of a tenant's deliveries matching <paramref name="query"/>, ordered by delivery id. A trigger, event
    /// or state criterion reads only that index's range; further criteria filter within it.
    /// </summary>
    public async Task<DeliveryPage> ListAsync(string tenant, DeliveryQuery query, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        string filter;
        if (query.Kind is { } kind && query.TriggerId is null)
        {
            filter = Range(tenant, $"k|{KindName(kind)}|") + EventFilter(query) + StateFilter(query);
        }
        else if (query.TriggerId is { } trigger)
        {
            filter = Range(tenant, $"t|{trigger}|") + EventFilter(query) + StateFilter(query);
        }
        else if (query.EventId is { } eventId)
        {
            filter = Range(tenant, $"e|{eventId}|") + StateFilter(query);
        }
        else if (query.State is { } state)
        {
            filter = Range(tenant, $"s|{Name(state)}|");
        }
        else
        {
            filter = Range(tenant, "d|");
        }

        var page = await table.QueryPageAsync(filter, pageSize, continuation, SummaryColumns, cancellationToken).ConfigureAwait(false);
        return new DeliveryPage([.. page.Values.Select(e => ReadSummary(tenant, e))], page.ContinuationToken);
    }

    /// <summary>The work kept with a dead letter, or null when the delivery is unknown or kept none.</summary>
    public async Task<PipelineWork?> LoadWorkAsync(string tenant, string deliveryId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(tenant, SummaryKey(deliveryId), [.. SummaryColumns, "Work", "WorkBlob", "Event", "EventBlob"], cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        // Work is kept in the row or, when large, in a blob; rows recorded before work was kept hold the event instead.
        var entity = response.Value!;
        var legacy = entity.GetString("Work") is null && entity.GetString("WorkBlob") is null;
        var inline = entity.GetString(legacy ? "Event" : "Work");
        var blob = entity.GetString(legacy ? "EventBlob" : "WorkBlob");
        BinaryData json;
        if (inline is not null)
        {
            json = BinaryData.FromString(inline);
        }
        else if (blob is null)
        {
            return null;
        }
        else
        {
            try
            {
                json = (await payloads.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
            }
            catch (RequestFailedException exception) when (exception.IsNotFound())
            {
                return null;
            }
        }

        return legacy
            ? LegacyWork(ReadSummary(tenant, entity), JsonSerializer.Deserialize(json.ToMemory().Span, EventJsonContext.Default.CanonicalEvent))
            : JsonSerializer.Deserialize<PipelineWork>(json.ToMemory().Span, PipelineJson.Options);
    }

    /// <summary>Notes on a dead letter (summary and index rows) that <paramref name="replayId"/> replays it.</summary>
    public async Task MarkReplayedAsync(DeliveryRecord record, string replayId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var keys = new[] { SummaryKey(record.DeliveryId) }.Concat(IndexKeys(record, record.State));
        var actions = keys.Select(key => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(record.Tenant, key) { ["ReplayedAs"] = replayId })).ToList();
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    private static readonly string[] SummaryColumns =
    [
        "DeliveryId", "Kind", "Target", "TriggerId", "EventId", "EventType", "Source", "State", "Attempts", "FirstAttemptAt", "LastAttemptAt",
        "LastStatusCode", "LastError", "LastErrorMessage", "NextRetryAt", "ReplayOf", "ReplayedAs",
    ];

    private async Task AttachWorkAsync(TableEntity head, PipelineWork work, CancellationToken cancellationToken)
    {
        var json = Serialize(work);
        if (json.Length <= MaxInlinePayloadChars)
        {
            head["Work"] = json;
            return;
        }

        var name = $"{head.PartitionKey}/{head.RowKey[2..]}.json";
        await payloads.UploadJsonAsync(name, json, cancellationToken).ConfigureAwait(false);
        head["WorkBlob"] = name;
    }

    private static string Serialize(PipelineWork work)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, PayloadWriterOptions))
        {
            JsonSerializer.Serialize(writer, work, PipelineJson.Options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // A dead letter recorded before the log kept work kept its event: the webhook delivery it was is rebuilt from both.
    private static PipelineWork? LegacyWork(DeliveryRecord record, CanonicalEvent? canonical) =>
        canonical is null || record.Kind != AttemptKind.Webhook ? null : new DeliveryJob
        {
            DeliveryId = record.DeliveryId,
            Tenant = record.Tenant,
            TriggerId = record.Target,
            Event = canonical,
            Attempt = record.Attempts,
            FirstAttemptAt = record.FirstAttemptAt,
            ReplayOf = record.ReplayOf,
        }.ToWork();

    private static string SummaryKey(string deliveryId) => $"d|{deliveryId}";

    private static string StateKey(DeliveryState state, string deliveryId) => $"s|{Name(state)}|{deliveryId}";

    private static IEnumerable<string> IndexKeys(DeliveryRecord summary, DeliveryState state)
    {
        yield return $"k|{KindName(summary.Kind)}|{summary.DeliveryId}";
        if (summary.TriggerId is { } trigger)
        {
            yield return $"t|{trigger}|{summary.DeliveryId}";
        }

        yield return $"e|{summary.EventId}|{summary.DeliveryId}";
        yield return StateKey(state, summary.DeliveryId);
    }

    /// <summary>The kind's name as stored and as the API spells it.</summary>
    public static string KindName(AttemptKind kind) => kind switch
    {
        AttemptKind.Crm => "crm",
        AttemptKind.Email => "email",
        _ => "webhook",
    };

    /// <summary>The kind of a requested name, or null when it names none.</summary>
    public static AttemptKind? ParseKind(string? name) => name?.ToLowerInvariant() switch
    {
        "webhook" => AttemptKind.Webhook,
        "crm" => AttemptKind.Crm,
        "email" => AttemptKind.Email,
        _ => null,
    };

    // Rows written before kinds existed name CRM calls and emails by made-up trigger ids.
    private static (AttemptKind Kind, string Target) KindOf(TableEntity entity)
    {
        var trigger = entity.GetString("TriggerId") ?? string.Empty;
        if (ParseKind(entity.GetString("Kind")) is { } kind)
        {
            return (kind, entity.GetString("Target") ?? trigger);
        }

        return trigger switch
        {
            "email" => (AttemptKind.Email, "session-outcome"),
            _ when trigger.StartsWith("crm-", StringComparison.Ordinal) => (AttemptKind.Crm, trigger["crm-".Length..]),
            _ => (AttemptKind.Webhook, trigger),
        };
    }

    /// <summary>The state's name as stored and as the API spells it.</summary>
    public static string Name(DeliveryState state) => state switch
    {
        DeliveryState.Delivered => "delivered",
        DeliveryState.Retrying => "retrying",
        _ => "failed",
    };

    /// <summary>The state of a stored or requested name, or null when it names none.</summary>
    public static DeliveryState? ParseState(string? name) => name?.ToLowerInvariant() switch
    {
        "delivered" => DeliveryState.Delivered,
        "retrying" => DeliveryState.Retrying,
        "failed" => DeliveryState.Failed,
        _ => null,
    };

    // Row keys of one prefix sort between the prefix and the prefix with its last '|' raised to '}'.
    private static string Range(string tenant, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private static string EventFilter(DeliveryQuery query) =>
        query.EventId is { } eventId ? " and " + TableClient.CreateQueryFilter($"EventId eq {eventId}") : string.Empty;

    private static string StateFilter(DeliveryQuery query) =>
        query.State is { } state ? " and " + TableClient.CreateQueryFilter($"State eq {Name(state)}") : string.Empty;

    private static TableEntity AttemptEntity(DeliveryAttempted attempt) => new(attempt.Tenant, $"a|{attempt.DeliveryId}|{attempt.Attempt.ToString("0000", CultureInfo.InvariantCulture)}")
    {
        ["DeliveryId"] = attempt.DeliveryId,
        ["Kind"] = KindName(attempt.Kind),
        ["Target"] = attempt.Target,
        ["TriggerId"] = attempt.TriggerId,
        ["EventId"] = attempt.EventId,
        ["Attempt"] = attempt.Attempt,
        ["AttemptedAt"] = attempt.AttemptedAt,
        ["Method"] = attempt.Method,
        ["Url"] = attempt.Url,
        ["StatusCode"] = attempt.StatusCode,
        ["LatencyMs"] = attempt.LatencyMs,
        ["Error"] = ErrorName(attempt.Error),
        ["ErrorMessage"] = attempt.ErrorMessage,
        ["Response"] = attempt.ResponseExcerpt,
        ["State"] = Name(attempt.State),
        ["NextRetryAt"] = attempt.NextRetryAt,
    };

    private static DeliveryAttempted ReadAttempt(string tenant, TableEntity entity)
    {
        var (kind, target) = KindOf(entity);
        return new()
        {
            DeliveryId = entity.GetString("DeliveryId") ?? string.Empty,
            Tenant = tenant,
            Kind = kind,
            Target = target,
            EventId = entity.GetString("EventId") ?? string.Empty,
            Attempt = entity.GetInt32("Attempt") ?? 0,
            AttemptedAt = entity.GetDateTimeOffset("AttemptedAt") ?? default,
            Method = entity.GetString("Method"),
            Url = entity.GetString("Url"),
            StatusCode = entity.GetInt32("StatusCode"),
            LatencyMs = entity.GetInt64("LatencyMs") ?? 0,
            Error = ParseError(entity.GetString("Error")),
            ErrorMessage = entity.GetString("ErrorMessage"),
            ResponseExcerpt = entity.GetString("Response"),
            State = ParseState(entity.GetString("State")) ?? DeliveryState.Failed,
            NextRetryAt = entity.GetDateTimeOffset("NextRetryAt"),
        };
    }

    private static TableEntity Summary(string tenant, string rowKey, DeliveryRecord summary) => new(tenant, rowKey)
    {
        ["DeliveryId"] = summary.DeliveryId,
        ["Kind"] = KindName(summary.Kind),
        ["Target"] = summary.Target,
        ["TriggerId"] = summary.TriggerId,
        ["EventId"] = summary.EventId,
        ["EventType"] = summary.EventType,
        ["Source"] = summary.Source,
        ["State"] = Name(summary.State),
        ["Attempts"] = summary.Attempts,
        ["FirstAttemptAt"] = summary.FirstAttemptAt,
        ["LastAttemptAt"] = summary.LastAttemptAt,
        ["LastStatusCode"] = summary.LastStatusCode,
        ["LastError"] = ErrorName(summary.LastError),
        ["LastErrorMessage"] = summary.LastErrorMessage,
        ["NextRetryAt"] = summary.NextRetryAt,
        ["ReplayOf"] = summary.ReplayOf,
        ["ReplayedAs"] = summary.ReplayedAs,
    };

    // Keys are not among the selected columns, so the tenant comes from the query, never from the entity.
    private static DeliveryRecord ReadSummary(string tenant, TableEntity entity)
    {
        var (kind, target) = KindOf(entity);
        return new()
        {
            DeliveryId = entity.GetString("DeliveryId") ?? string.Empty,
            Tenant = tenant,
            Kind = kind,
            Target = target,
            EventId = entity.GetString("EventId") ?? string.Empty,
            EventType = entity.GetString("EventType"),
            Source = entity.GetString("Source"),
            State = ParseState(entity.GetString("State")) ?? DeliveryState.Failed,
            Attempts = entity.GetInt32("Attempts") ?? 0,
            FirstAttemptAt = entity.GetDateTimeOffset("FirstAttemptAt") ?? default,
            LastAttemptAt = entity.GetDateTimeOffset("LastAttemptAt") ?? default,
            LastStatusCode = entity.GetInt32("LastStatusCode"),
            LastError = ParseError(entity.GetString("LastError")),
            LastErrorMessage = entity.GetString("LastErrorMessage"),
            NextRetryAt = entity.GetDateTimeOffset("NextRetryAt"),
            ReplayOf = entity.GetString("ReplayOf"),
            ReplayedAs = entity.GetString("ReplayedAs"),
        };
    }

    private static string? ErrorName(AttemptError error) => error == AttemptError.None ? null : error.ToString().ToLowerInvariant();

    private static AttemptError ParseError(string? name) =>
        name is not null && Enum.TryParse<AttemptError>(name, ignoreCase: true, out var error) ? error : AttemptError.None;
}
