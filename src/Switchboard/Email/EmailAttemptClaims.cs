using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Switchboard.Storage;

namespace Switchboard.Email;

/// <summary>
/// Who is making an attempt of an outcome email right now, in table <c>EmailClaims</c> (PartitionKey the tenant, RowKey
/// <c>{deliveryId}|{attempt:0000}</c>). A session's export can run twice at once — its events are processed
/// concurrently, and each one journaled after the end schedules the export again — and reading the attempt log
/// before sending cannot stop two runs that both found it empty. So a run claims the attempt first (an insert only
/// one run wins), sends, records, and releases it. A claim whose holder died goes stale after its lease and is taken
/// over, so the email is still sent.
/// </summary>
public sealed class EmailAttemptClaims(TableClient table, TimeProvider time)
{
    /// <summary>The table name.</summary>
    public const string TableName = "EmailClaims";

    /// <summary>
    /// Claims attempt <paramref name="attempt"/> of <paramref name="deliveryId"/> for <paramref name="lease"/>; null when
    /// this run holds it now, otherwise when another run's claim goes stale (check again then).
    /// </summary>
    public async Task<DateTimeOffset?> TryClaimAsync(string tenant, string deliveryId, int attempt, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(deliveryId);
        var rowKey = RowKey(deliveryId, attempt);

        // A claim released between our insert and our read is simply inserted again.
        for (var round = 0; ; round++)
        {
            var now = time.GetUtcNow();
            try
            {
                await table.AddEntityAsync(new TableEntity(tenant, rowKey) { ["ClaimedAt"] = now }, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (RequestFailedException exception) when (exception.IsAlreadyExists())
            {
            }

            var response = await table.GetEntityIfExistsAsync<TableEntity>(tenant, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue)
            {
                if (round < 2)
                {
                    continue;
                }

                return now;
            }

            var held = response.Value!;
            var staleAt = (held.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue) + lease;
            if (staleAt > now)
            {
                return staleAt;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(tenant, rowKey) { ["ClaimedAt"] = now }, held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (RequestFailedException exception) when (exception.IsPreconditionFailed() || exception.IsNotFound())
            {
                // Another run took the stale claim over (or released it) first.
                return now + lease;
            }
        }
    }

    /// <summary>Releases a claim once its attempt is recorded in the log.</summary>
    public async Task ReleaseAsync(string tenant, string deliveryId, int attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(deliveryId);
        await table.DeleteEntityAsync(tenant, RowKey(deliveryId, attempt), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string RowKey(string deliveryId, int attempt) => $"{deliveryId}|{attempt.ToString("0000", CultureInfo.InvariantCulture)}";
}
