using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Switchboard.Storage;

/// <summary>
/// One page of a table query at a time, for APIs that hand the continuation token to their callers: the token is the
/// SDK's, wrapped in base64url so it travels in a query string unescaped, and checked when it comes back.
/// </summary>
public static class TablePaging
{
    /// <summary>The most entities the table service returns in one page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Up to <paramref name="pageSize"/> (1–1000) entities matching <paramref name="filter"/> (build it with
    /// <see cref="TableClient.CreateQueryFilter(FormattableString)"/>) from where <paramref name="continuationToken"/>
    /// left off, and the token for the next page (null on the last). The service may return fewer than asked, even
    /// none, with a token. Throws <see cref="ArgumentException"/> when the token is not one this method returned.
    /// </summary>
    public static async Task<Page<TableEntity>> QueryPageAsync(
        this TableClient table,
        string? filter,
        int pageSize,
        string? continuationToken,
        IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var token = continuationToken is null ? null : Unwrap(continuationToken);
        var pages = table.QueryAsync<TableEntity>(filter, pageSize, select, cancellationToken).AsPages(token, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var next = page.ContinuationToken is { } sdkToken ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sdkToken)) : null;
            return Page<TableEntity>.FromValues(page.Values, next, page.GetRawResponse());
        }

        throw new InvalidOperationException($"A query of table {table.Name} returned no page.");
    }

    private static string Unwrap(string continuationToken)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(continuationToken));
            return text.Length > 0 && !text.Any(char.IsControl)
                ? text
                : throw new ArgumentException("The continuation token is not one this API returned.", nameof(continuationToken));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The continuation token is not one this API returned.", nameof(continuationToken), exception);
        }
    }
}
