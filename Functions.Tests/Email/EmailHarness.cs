using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Pipeline;
using Switchboard.Tests.Sessions;

namespace Switchboard.Tests.Email;

/// <summary>
/// Session export and outcome email as the hosts register them (<c>AddSessionExport</c>, <c>AddSessionEmail</c>,
/// options bound from configuration) against Azurite and an <see cref="SmtpSink"/>, with tables, containers and a
/// tenant of the test's own, a clock the test moves, and a scheduler that keeps the retries it is given.
/// </summary>
internal sealed class EmailHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly List<TableClient> tables;
    private readonly List<BlobContainerClient> containers;

    private EmailHarness(ServiceProvider services, List<TableClient> tables, List<BlobContainerClient> containers, FakeTimeProvider time, RecordingScheduler scheduler)
    {
        this.services = services;
        this.tables = tables;
        this.containers = containers;
        Time = time;
        Scheduler = scheduler;
    }

    public FakeTimeProvider Time { get; }

    public RecordingScheduler Scheduler { get; }

    public string Tenant { get; } = AzuriteFixture.UniqueName("tenant");

    public EventTimeline Timeline => new(Tenant);

    public EmailSettingsStore Settings => services.GetRequiredService<EmailSettingsStore>();

    public DeliveryLog Log => services.GetRequiredService<DeliveryLog>();

    public SendSessionEmail Email => services.GetRequiredService<SendSessionEmail>();

    public EmailAttemptClaims Claims => services.GetRequiredService<EmailAttemptClaims>();

    public EmailOptions Options => services.GetRequiredService<IOptions<EmailOptions>>().Value;

    public IPipelineWorkHandler WorkHandler => services.GetServices<IPipelineWorkHandler>().Single(h => h.Kind == SessionEmailJob.WorkKind);

    public BlobContainerClient Archive => containers[0];

    /// <summary>A harness whose email goes to <paramref name="sink"/> (null: email off), with further settings on top.</summary>
    public static async Task<EmailHarness> CreateAsync(AzuriteFixture azurite, SmtpSink? sink, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var archive = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("archive"));
        var journalPayloads = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("journal"));
        var deadLetters = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("dead"));
        var journal = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("sessions"));
        var deliveries = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("deliveries"));
        var emailSettings = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("email"));
        var emailClaims = azurite.Tables.GetTableClient(AzuriteFixture.UniqueName("claims"));
        var values = new Dictionary<string, string?>
        {
            ["Export:Container"] = archive.Name,
            ["Email:Host"] = sink is null ? string.Empty : "127.0.0.1",
            ["Email:Port"] = sink?.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:EnableSsl"] = "false",
            ["Email:From"] = "Switchboard <no-reply@switchboard.test>",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        values["AzureWebJobsStorage"] = azurite.ConnectionString;
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 12, 16, 0, TimeSpan.Zero));
        var scheduler = new RecordingScheduler();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSwitchboardCore();

        // Tables and containers of this test only; the hosts use SessionEvents, Deliveries and EmailSettings.
        collection.AddSingleton(new SessionJournal(journal, journalPayloads));
        collection.AddSingleton(new DeliveryLog(deliveries, deadLetters));
        collection.AddSingleton(sp => new EmailSettingsStore(emailSettings, sp.GetRequiredService<TimeProvider>()));
        collection.AddSingleton(sp => new EmailAttemptClaims(emailClaims, sp.GetRequiredService<TimeProvider>()));
        var provider = collection.BuildServiceProvider();
        List<TableClient> tables = [journal, deliveries, emailSettings, emailClaims];
        List<BlobContainerClient> containers = [archive, journalPayloads, deadLetters];
        await azurite.ProvisionAsync(new StorageResources([.. tables.Select(t => t.Name)], [], [.. containers.Select(c => c.Name)]));
        return new EmailHarness(provider, tables, containers, time, scheduler);
    }

    /// <summary>Journals the events and runs the export of their session as the export work handler does: export, then every session follower.</summary>
    public async Task<SessionExported> ExportAsync(params CanonicalEvent[] events)
    {
        await TrackAsync(events);

        var session = events[0].Session!;
        return await ExportAsync(session.Channel, session.Id);
    }

    /// <summary>Runs the export of a journaled session and then every session follower.</summary>
    public async Task<SessionExported> ExportAsync(string channel, string sessionId)
    {
        var exported = await services.GetRequiredService<ExportSession>().RunAsync(new ExportJob { Tenant = Tenant, Channel = channel, SessionId = sessionId });
        foreach (var follower in services.GetServices<ISessionFollower>())
        {
            await follower.OnSessionExportedAsync(exported, Scheduler, CancellationToken.None);
        }

        return exported;
    }

    /// <summary>Journals the events without exporting.</summary>
    public async Task TrackAsync(params CanonicalEvent[] events)
    {
        var tracker = services.GetRequiredService<SessionTracker>();
        foreach (var canonical in events)
        {
            await tracker.TrackAsync(canonical);
        }
    }

    /// <summary>Runs the oldest scheduled retry through the work handler, as the job queue would when it is due.</summary>
    public async Task<(PipelineWork Work, DateTimeOffset At)> RunScheduledAsync()
    {
        var next = Scheduler.Take();
        await WorkHandler.RunAsync(next.Work, Scheduler, CancellationToken.None);
        return next;
    }

    public Task<DeliveryHistory?> HistoryAsync(string channel, string sessionId) =>
        Log.GetHistoryAsync(Tenant, SessionEmailJob.DeliveryIdFor(new SessionKey(Tenant, channel, sessionId)));

    public async Task<string> TextAsync(string blob) => (await Archive.GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString();

    public async ValueTask DisposeAsync()
    {
        foreach (var container in containers)
        {
            await container.DeleteIfExistsAsync();
        }

        foreach (var table in tables)
        {
            await table.DeleteAsync();
        }

        await services.DisposeAsync();
    }
}
