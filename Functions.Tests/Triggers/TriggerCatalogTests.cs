using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Host.Development;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Triggers;

namespace Switchboard.Tests.Triggers;

public sealed class TriggerCatalogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider time = new();
    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private TriggerCatalog Catalog(TriggerStore store) =>
        new(store, time, Options.Create(new TriggerOptions()), NullLogger<TriggerCatalog>.Instance);

    private TriggerStore Store(TableServiceClient tables) => new(tables.GetTableClient(TriggerStore.TableName), time);

    private Trigger New(string id) => TriggerValidatorTests.Valid() with { Id = id, Tenant = tenant };

    [Fact]
    public async Task Another_instance_write_is_invisible_until_the_ten_minutes_pass()
    {
        var store = Store(azurite.Tables);
        await store.CreateAsync(New("one"));
        var here = Catalog(store);
        Assert.Single((await here.GetAsync(tenant)).Triggers);

        await store.CreateAsync(New("two"));
        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        var beforeExpiry = (await here.GetAsync(tenant)).Triggers.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = (await here.GetAsync(tenant)).Triggers.Count;

        Assert.Equal(1, beforeExpiry);
        Assert.Equal(2, afterExpiry);
    }

    [Fact]
    public async Task This_instance_write_is_visible_at_once()
    {
        var store = Store(azurite.Tables);
        var here = Catalog(store);
        Assert.Empty((await here.GetAsync(tenant)).Triggers);

        await store.CreateAsync(New("mine"));
        here.Invalidate(tenant);

        Assert.Equal("mine", Assert.Single((await here.GetAsync(tenant)).Triggers).Id);
    }

    [Fact]
    public async Task A_tenant_is_loaded_once_per_expiry_however_many_events_ask()
    {
        var store = Store(azurite.Tables);
        await store.CreateAsync(New("one"));
        var here = Catalog(store);

        var sets = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => here.GetAsync(tenant).AsTask()));

        Assert.All(sets, s => Assert.Same(sets[0], s));
    }

    [Fact]
    public async Task During_a_storage_outage_the_expired_copy_is_served()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint()!;
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var outage = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        var store = Store(StorageConnection.FromConnectionString(outage.ConnectionString).CreateTableServiceClient());
        await store.CreateAsync(New("kept"));
        var here = Catalog(store);
        Assert.Single((await here.GetAsync(tenant)).Triggers);

        await outage.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(11));
        var stale = await here.GetAsync(tenant);

        Assert.Equal("kept", Assert.Single(stale.Triggers).Id);
        await Assert.ThrowsAnyAsync<Exception>(async () => await here.GetAsync(tenant + "never-loaded"));
    }
}
