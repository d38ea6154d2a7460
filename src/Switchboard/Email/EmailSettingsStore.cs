using Azure.Data.Tables;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Email;

/// <summary>
/// Session-outcome email settings in table <c>EmailSettings</c>: PartitionKey the tenant, RowKey <c>global</c> for the
/// tenant's global setting and <c>queue|{queue}</c> for each queue's (the queue id or name in lower case, with the
/// characters table keys refuse percent-encoded). A level never saved reads as <see cref="EmailSetting.Off"/>.
/// Writes replace the level whole; the last write wins.
/// </summary>
public sealed class EmailSettingsStore(TableClient table, TimeProvider time)
{
    /// <summary>The table name.</summary>
    public const string TableName = "EmailSettings";

    /// <summary>The longest queue id or name a setting may be saved for.</summary>
    public const int MaxQueueLength = 256;

    private const string GlobalKey = "global";
    private const string QueuePrefix = "queue|";

    /// <summary>True when <paramref name="queue"/> can name a queue setting: 1–256 characters, no control characters, not blank.</summary>
    public static bool IsValidQueue(string? queue) => KeyText.IsName(queue, MaxQueueLength);

    /// <summary>The tenant's global setting; <see cref="EmailSetting.Off"/> when none was saved.</summary>
    public async Task<EmailSetting> GetGlobalAsync(string tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenant, GlobalKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? Read(found.Value!) : EmailSetting.Off;
    }

    /// <summary>Saves the tenant's global setting (address trimmed) and returns it as stored.</summary>
    public async Task<EmailSetting> SetGlobalAsync(string tenant, bool enabled, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var setting = new EmailSetting { Enabled = enabled, Address = address?.Trim() ?? string.Empty, UpdatedAt = time.GetUtcNow() };
        await table.UpsertEntityAsync(Entity(tenant, GlobalKey, null, setting), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return setting;
    }

    /// <summary>The queue's own setting, matched without regard to case; null when it has none.</summary>
    public async Task<QueueEmailSetting?> GetQueueAsync(string tenant, string queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(queue);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenant, QueueKey(queue), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? ReadQueue(found.Value!) : null;
    }

    /// <summary>Saves a queue's setting (address trimmed; the queue's spelling as given) and returns it as stored.</summary>
    public async Task<QueueEmailSetting> SetQueueAsync(string tenant, string queue, bool enabled, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!IsValidQueue(queue))
        {
            throw new ArgumentException($"A queue is 1–{MaxQueueLength} characters without control characters.", nameof(queue));
        }

        var setting = new EmailSetting { Enabled = enabled, Address = address?.Trim() ?? string.Empty, UpdatedAt = time.GetUtcNow() };
        await table.UpsertEntityAsync(Entity(tenant, QueueKey(queue), queue, setting), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new QueueEmailSetting(queue, setting);
    }

    /// <summary>Deletes a queue's setting, so the queue inherits the global one again; false when it had none.</summary>
    public async Task<bool> DeleteQueueAsync(string tenant, string queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(queue);
        var deleted = await table.DeleteEntityAsync(tenant, QueueKey(queue), cancellationToken: cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    /// <summary>
    /// One page of the tenant's queue settings, ordered by queue (in lower case); throws <see cref="ArgumentException"/>
    /// when <paramref name="continuation"/> is not a token this method returned.
    /// </summary>
    public async Task<QueueEmailSettingPage> ListQueuesAsync(string tenant, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);

        // Keys of the prefix sort between "queue|" and "queue}" ('}' follows '|').
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {QueuePrefix} and RowKey lt {"queue}"}");
        var page = await table.QueryPageAsync(filter, pageSize, continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new QueueEmailSettingPage([.. page.Values.Select(ReadQueue)], page.ContinuationToken);
    }

    /// <summary>
    /// Where the outcome email of a session in <paramref name="queue"/> (null: in none) goes under the tenant's settings
    /// (<see cref="EmailInheritance"/>). A queue setting saved under the queue's id wins over one saved under its name.
    /// </summary>
    public async Task<EmailDestination> ResolveAsync(string tenant, EventQueue? queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var names = new[] { queue?.Id, queue?.Name }.Where(IsValidQueue).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var reads = names.Select(name => GetQueueAsync(tenant, name!, cancellationToken)).ToList();
        var global = await GetGlobalAsync(tenant, cancellationToken).ConfigureAwait(false);
        var queueSettings = await Task.WhenAll(reads).ConfigureAwait(false);
        var own = queueSettings.FirstOrDefault(setting => setting is not null);
        return EmailInheritance.Resolve(global, own?.Setting);
    }

    // Queues are matched without regard to case, as trigger queues are, so the key folds case.
    private static string QueueKey(string queue) => QueuePrefix + SessionKey.Escape(queue.ToLowerInvariant(), string.Empty);

    private static TableEntity Entity(string tenant, string rowKey, string? queue, EmailSetting setting) => new(tenant, rowKey)
    {
        ["Queue"] = queue,
        ["Enabled"] = setting.Enabled,
        ["Address"] = setting.Address,
        ["UpdatedAt"] = setting.UpdatedAt,
    };

    private static EmailSetting Read(TableEntity entity) => new()
    {
        Enabled = entity.GetBoolean("Enabled") ?? false,
        Address = entity.GetString("Address") ?? string.Empty,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt"),
    };

    private static QueueEmailSetting ReadQueue(TableEntity entity) =>
        new(entity.GetString("Queue") ?? entity.RowKey[QueuePrefix.Length..], Read(entity));
}
