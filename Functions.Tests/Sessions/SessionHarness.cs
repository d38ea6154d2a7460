using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Sessions;

/// <summary>
/// Sessions as the hosts register them (<c>AddSwitchboardCore</c>, options
/// bound from configuration) against Azurite, with a journal table, payload container, archive container and tenant
/// of the test's own, and a clock the test moves.
/// </summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly TableClient journalTable;
    private readonly BlobContainerClient payloads;

    private SessionHarness(ServiceProvider services, TableClient journalTable, BlobContainerClient payloads, BlobContainerClient archive, FakeTimeProvider time)
    {
        this.services = services;
        this.journalTable = journalTable;
        this.payloads = payloads;
        Archive = archive;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => services;

    public BlobContainerClient Archive { get; }

    public string Tenant { get; } = AzuriteFixture.UniqueName("tenant");

    public EventTimeline Timeline => new(Tenant);

    public SessionJournal Journal => services.GetRequiredService<SessionJournal>();

    public SessionTracker Tracker => services.GetRequiredService<SessionTracker>();

    public ExportSession Export => services.GetRequiredService<ExportSession>();

    public ExportOptions Options => services.GetRequiredService<IOptions<ExportOptions>>().Value;

    public static async Task<SessionHarness> CreateAsync(AzuriteFixture azurite, bool allowPrivateNetworks = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var archive = AzuriteFixture.UniqueName("archive");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Export:Container"] = archive,
            ["Delivery:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 13, 0, 0, TimeSpan.Zero));
        var journalTable = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("sessions"));
        var payloads = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("journal"));
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSwitchboardCore();

        // The journal of this test only; the hosts' registration uses table SessionEvents.
        collection.AddSingleton(new SessionJournal(journalTable, payloads));
        await azurite.ProvisionAsync(new StorageResources([journalTable.Name], [], [payloads.Name, archive]));
        return new SessionHarness(collection.BuildServiceProvider(), journalTable, payloads, azurite.Blobs.GetBlobContainerClient(archive), time);
    }

    /// <summary>Tracks each event as ProcessEvent will and returns what the tracker said for each.</summary>
    public async Task<IReadOnlyList<ExportDue?>> TrackAsync(params CanonicalEvent[] events)
    {
        var dues = new List<ExportDue?>();
        foreach (var canonical in events)
        {
            dues.Add(await Tracker.TrackAsync(canonical));
        }

        return dues;
    }

    public Task<SessionExported> ExportAsync(string channel, string sessionId) =>
        Export.RunAsync(new ExportJob { Tenant = Tenant, Channel = channel, SessionId = sessionId });

    /// <summary>The properties of every blob of the archive, by name.</summary>
    public async Task<IReadOnlyDictionary<string, BlobItemProperties>> BlobsAsync()
    {
        var blobs = new SortedDictionary<string, BlobItemProperties>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in Archive.GetBlobsAsync(new GetBlobsOptions()))
            {
                blobs.Add(blob.Name, blob.Properties);
            }
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            // No export created the container.
        }

        return blobs;
    }

    public async Task<byte[]> BytesAsync(string name) => (await Archive.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();

    public async Task<string> TextAsync(string name) => (await Archive.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();

    /// <summary>The metadata file as JSON, after checking it also reads back as <see cref="SessionMetadata"/>.</summary>
    public async Task<JsonElement> MetadataAsync(string name)
    {
        var bytes = await BytesAsync(name);
        Assert.NotNull(JsonSerializer.Deserialize(bytes, SessionJsonContext.Files.SessionMetadata));
        return JsonDocument.Parse(bytes).RootElement;
    }

    public async ValueTask DisposeAsync()
    {
        await Archive.DeleteIfExistsAsync();
        await payloads.DeleteIfExistsAsync();
        await journalTable.DeleteAsync();
        await services.DisposeAsync();
    }
}
