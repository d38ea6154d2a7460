using Azure;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

public sealed class TriggerStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TriggerStore store = new(azurite.Tables.GetTableClient(TriggerStore.TableName), TimeProvider.System);
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private Trigger New(string id) => TriggerValidatorTests.Valid() with { Id = id, Tenant = tenant };

    [Fact]
    public async Task Create_get_replace_and_delete_round_trip_the_whole_trigger()
    {
        var created = await store.CreateAsync(New("a"));
        var read = await store.GetAsync(tenant, "a");
        var replaced = await store.ReplaceAsync(read!.Trigger with { Name = "renamed" }, read.ETag);

        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(created.Trigger.Action.Url, read.Trigger.Action.Url);
        Assert.Equal(2, read.Trigger.Filters[0].Value!.Value.GetInt32());
        Assert.Equal(created.Trigger.CreatedAt, replaced.Trigger.CreatedAt);
        Assert.Equal("renamed", (await store.GetAsync(tenant, "a"))!.Trigger.Name);
        Assert.True(await store.DeleteAsync(tenant, "a"));
        Assert.Null(await store.GetAsync(tenant, "a"));
        Assert.False(await store.DeleteAsync(tenant, "a"));
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict()
    {
        await store.CreateAsync(New("dup"));

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => store.CreateAsync(New("dup")));

        Assert.True(conflict.IsAlreadyExists());
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_fails_and_keeps_the_newer_write()
    {
        var first = await store.CreateAsync(New("e"));
        await store.ReplaceAsync(first.Trigger with { Name = "second" }, first.ETag);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => store.ReplaceAsync(first.Trigger with { Name = "third" }, first.ETag));

        Assert.True(stale.IsPreconditionFailed());
        Assert.Equal("second", (await store.GetAsync(tenant, "e"))!.Trigger.Name);
    }

    [Fact]
    public async Task Enable_and_disable_flip_the_switch_and_miss_unknown_ids()
    {
        await store.CreateAsync(New("s"));

        var disabled = await store.SetEnabledAsync(tenant, "s", enabled: false);
        var enabled = await store.SetEnabledAsync(tenant, "s", enabled: true);

        Assert.False(disabled!.Trigger.Enabled);
        Assert.True(enabled!.Trigger.Enabled);
        Assert.Null(await store.SetEnabledAsync(tenant, "nope", enabled: true));
    }

    [Fact]
    public async Task Batch_delete_reports_what_existed()
    {
        await store.CreateAsync(New("b1"));
        await store.CreateAsync(New("b2"));

        var deleted = await store.DeleteManyAsync(tenant, ["b1", "b2", "b3", "b1"]);

        Assert.Equal(["b1", "b2"], deleted.Order());
        Assert.Empty(await store.LoadAllAsync(tenant));
    }

    [Fact]
    public async Task Listing_pages_across_five_hundred_triggers_of_one_tenant_only()
    {
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await store.CreateAsync(New($"t{i:D3}"));
            }
            finally
            {
                gate.Release();
            }
        }));
        await store.CreateAsync(New("x") with { Tenant = tenant + "other" });

        var ids = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(tenant, 120, continuation);
            ids.AddRange(page.Items.Select(t => t.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"t{i:D3}"), ids);
        Assert.Equal(5, pages);
        Assert.Equal(500, (await store.LoadAllAsync(tenant)).Count);
    }
}
