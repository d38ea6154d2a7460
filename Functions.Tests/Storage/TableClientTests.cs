using Azure;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Storage;

public sealed class TableClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Account.GetTableClient(AzuriteFixture.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Create_if_not_exists_twice_is_fine_and_delete_reports_existence()
    {
        var table = await NewTableAsync();
        await table.CreateIfNotExistsAsync();

        Assert.True(await table.DeleteAsync());
        Assert.False(await table.DeleteAsync());
    }

    [Fact]
    public async Task Every_property_type_round_trips()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2024, 5, 29, 9, 37, 45, 123, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var entity = new TableEntity("tenant's", "row 1 ü")
        {
            ["Text"] = "it's \"quoted\"",
            ["Flag"] = true,
            ["Small"] = 42,
            ["Big"] = long.MaxValue,
            ["Ratio"] = 2.0,
            ["NotANumber"] = double.NaN,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
        };

        var etag = await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("tenant's", "row 1 ü");

        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("it's \"quoted\"", read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(42, read.GetInt32("Small"));
        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.IsType<double>(read["Ratio"]);
        Assert.Equal(2.0, read.GetDouble("Ratio"));
        Assert.True(double.IsNaN(read.GetDouble("NotANumber")!.Value));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes"));
    }

    [Fact]
    public async Task Add_of_an_existing_entity_is_a_typed_conflict()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });

        var conflict = await Assert.ThrowsAsync<StorageException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }));

        Assert.Equal(StorageErrorKind.AlreadyExists, conflict.Kind);
        Assert.Equal(409, conflict.Status);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r")).GetInt32("N"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge);
        var merged = await table.GetEntityAsync("p", "r");
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = await table.GetEntityAsync("p", "r");

        Assert.Equal(("a2", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal((null, null, "c"), (replaced.GetString("A"), replaced.GetString("B"), replaced.GetString("C")));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_a_typed_precondition_failure_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first);

        var stale = await Assert.ThrowsAsync<StorageException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, first, TableUpdateMode.Replace));
        var staleDelete = await Assert.ThrowsAsync<StorageException>(() => table.DeleteEntityAsync("p", "r", first));

        Assert.NotEqual(first, second);
        Assert.Equal(StorageErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(StorageErrorKind.PreconditionFailed, staleDelete.Kind);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).GetInt32("V"));
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_not_found_and_get_if_exists_is_null()
    {
        var table = await NewTableAsync();

        var missing = await Assert.ThrowsAsync<StorageException>(() => table.UpdateEntityAsync(new TableEntity("p", "gone"), ETag.All));

        Assert.Equal(StorageErrorKind.NotFound, missing.Kind);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "gone"));
        Assert.False(await table.DeleteEntityAsync("p", "gone"));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_entity()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"));

        Assert.True(await table.DeleteEntityAsync("p", "r", etag));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r"));
    }

    [Fact]
    public async Task Query_pages_through_more_than_a_thousand_entities()
    {
        var table = await NewTableAsync();
        for (var chunk = 0; chunk < 11; chunk++)
        {
            var actions = Enumerable.Range(chunk * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", $"{i:D5}") { ["I"] = i }))
                .ToList();
            await table.SubmitTransactionAsync(actions);
        }

        await table.AddEntityAsync(new TableEntity("other", "x") { ["I"] = -1 });

        var all = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"bulk"}")).ToListAsync();
        var firstPage = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"bulk"}"), pageSize: 1000);
        var secondPage = await table.QueryPageAsync(TableFilter.Create($"PartitionKey eq {"bulk"}"), pageSize: 1000, continuationToken: firstPage.ContinuationToken);

        Assert.Equal(1100, all.Count);
        Assert.Equal(Enumerable.Range(0, 1100), all.Select(e => e.GetInt32("I")!.Value));
        Assert.Equal(1000, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(100, secondPage.Items.Count);
        Assert.Null(secondPage.ContinuationToken);
    }

    [Fact]
    public async Task Query_selects_columns_and_tops_pages()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 5; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"{i}") { ["Keep"] = i, ["Drop"] = "x" });
        }

        var page = await table.QueryPageAsync(select: ["Keep"], pageSize: 2);
        var all = await table.QueryAsync(TableFilter.Create($"Keep ge {3}"), pageSize: 1).ToListAsync();

        Assert.Equal(2, page.Items.Count);
        Assert.NotNull(page.ContinuationToken);
        Assert.All(page.Items, e => Assert.False(e.ContainsKey("Drop")));
        Assert.Equal([3, 4], all.Select(e => e.GetInt32("Keep")!.Value));
    }

    [Fact]
    public async Task A_quote_in_a_filter_value_cannot_change_the_query()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("secret", "1"));
        await table.AddEntityAsync(new TableEntity("o'brien", "1"));

        var hostile = "x' or PartitionKey eq 'secret";
        var none = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {hostile}")).ToListAsync();
        var quoted = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"o'brien"}")).ToListAsync();

        Assert.Empty(none);
        Assert.Equal("o'brien", Assert.Single(quoted).PartitionKey);
    }

    [Fact]
    public async Task A_transaction_applies_all_operations_or_none()
    {
        var table = await NewTableAsync();
        var existing = await table.AddEntityAsync(new TableEntity("p", "existing") { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "doomed"));

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "existing") { ["V"] = 2, ETag = existing }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upserted")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "doomed")),
        ]);

        var failure = await Assert.ThrowsAsync<StorageException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "never")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
        ]));

        Assert.Equal(4, etags.Count);
        Assert.NotEqual(default, etags[0]);
        Assert.Equal(etags[1], (await table.GetEntityAsync("p", "existing")).ETag);
        Assert.Equal(2, (await table.GetEntityAsync("p", "existing")).GetInt32("V"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "doomed"));
        Assert.Equal(409, failure.Status);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "never"));
    }

    [Fact]
    public async Task A_transaction_refuses_more_than_one_partition_or_a_hundred_operations()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("a", "1")), new(TableTransactionActionType.Add, new TableEntity("b", "1"))]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", $"{i}"))).ToList()));
    }
}
