using Azure;
using Azure.Data.Tables;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Storage;

/// <summary>What the stores rely on from table storage, through the SDK client as the hosts configure it.</summary>
public sealed class TableStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task The_property_types_the_stores_write_read_back_and_a_null_is_not_stored()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2024, 5, 29, 9, 37, 45, 123, TimeSpan.FromHours(2));

        await table.AddEntityAsync(new TableEntity("tenant's", "d|dlv 1 ü")
        {
            ["Text"] = "it's \"quoted\"",
            ["Flag"] = true,
            ["Attempt"] = 3,
            ["LatencyMs"] = 12_345_678_901L,
            ["When"] = when,
            ["StatusCode"] = (int?)null,
        });
        var read = (await table.GetEntityAsync<TableEntity>("tenant's", "d|dlv 1 ü")).Value;

        Assert.Equal("it's \"quoted\"", read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(3, read.GetInt32("Attempt"));
        Assert.Equal(12_345_678_901L, read.GetInt64("LatencyMs"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Null(read.GetInt32("StatusCode"));
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task Adding_an_existing_entity_is_a_conflict_and_changes_nothing()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }));

        Assert.True(conflict.IsAlreadyExists());
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task A_write_under_a_stale_etag_is_a_precondition_failure_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var first = (await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 })).Headers.ETag!.Value;
        var second = (await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first, TableUpdateMode.Replace)).Headers.ETag!.Value;

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, first, TableUpdateMode.Replace));
        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first));
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "gone"), ETag.All));

        Assert.NotEqual(first, second);
        Assert.True(stale.IsPreconditionFailed());
        Assert.True(staleDelete.IsPreconditionFailed());
        Assert.True(missing.IsNotFound());
        Assert.Equal(second, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.ETag);
    }

    [Fact]
    public async Task Deleting_or_reading_a_missing_entity_answers_404_without_throwing()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(204, (await table.DeleteEntityAsync("p", "r")).Status);
        Assert.Equal(404, (await table.DeleteEntityAsync("p", "r")).Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task Pages_of_a_query_follow_their_tokens_across_more_than_a_thousand_entities()
    {
        var table = await NewTableAsync();
        for (var chunk = 0; chunk < 11; chunk++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(chunk * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", $"{i:D5}") { ["I"] = i })));
        }

        await table.AddEntityAsync(new TableEntity("other", "x") { ["I"] = -1 });
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}");

        var all = await table.QueryAsync<TableEntity>(filter).ToListAsync();
        var pages = new List<Page<TableEntity>>();
        string? token = null;
        do
        {
            var page = await table.QueryPageAsync(filter, 400, token, ["I"]);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 1100), all.Select(e => e.GetInt32("I")!.Value));
        Assert.Equal([400, 400, 300], pages.Select(p => p.Values.Count));
        Assert.Equal(Enumerable.Range(0, 1100), pages.SelectMany(p => p.Values).Select(e => e.GetInt32("I")!.Value));
        Assert.All(pages.SkipLast(1), p => Assert.Matches("^[A-Za-z0-9_-]+$", p.ContinuationToken!));
        Assert.Equal(1000, (await table.QueryPageAsync(filter, TablePaging.MaxPageSize, null)).Values.Count);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("")]
    [InlineData("AA")]
    public async Task A_continuation_token_this_api_did_not_return_is_refused(string token)
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.QueryPageAsync(null, 10, token));
    }

    [Fact]
    public async Task A_quote_in_a_filter_value_cannot_change_the_query()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("secret", "1"));
        await table.AddEntityAsync(new TableEntity("o'brien", "1"));

        var hostile = "x' or PartitionKey eq 'secret";
        var none = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}")).ToListAsync();
        var quoted = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"o'brien"}")).ToListAsync();

        Assert.Empty(none);
        Assert.Equal("o'brien", Assert.Single(quoted).PartitionKey);
    }

    [Fact]
    public async Task A_transaction_applies_all_of_its_actions_or_none()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "existing") { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "doomed"));

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "existing") { ["Replayed"] = "yes" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upserted")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "doomed")),
        ]);
        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "never")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
        ]));

        var existing = (await table.GetEntityAsync<TableEntity>("p", "existing")).Value;
        Assert.Equal((1, "yes"), (existing.GetInt32("V"), existing.GetString("Replayed")));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "upserted")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "doomed")).HasValue);
        Assert.True(failure.IsAlreadyExists());
        Assert.Equal(1, failure.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "never")).HasValue);
    }
}
