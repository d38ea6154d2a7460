using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Crm;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Email;
using Switchboard.Storage;
using Switchboard.Tests.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Events;
using Switchboard.Triggers;

namespace Switchboard.Tests.Crm;

/// <summary>
/// The pipeline with the CRM integration as the hosts register them — journal, tracker, export, trigger catalog,
/// webhook delivery, ingest, <see cref="ProcessEvent"/> and the CRM follower and work handler — on the test Azurite,
/// with a tenant, archive container and ingest queue of the test's own, a fake CRM on loopback, a clock the test moves
/// and a scheduler that runs what is due when the test says.
/// </summary>
internal sealed class CrmHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly string archive;
    private readonly QueueClient events;

    private CrmHarness(ServiceProvider services, FakeCrm crm, FakeTimeProvider time, string archive, QueueClient events)
    {
        this.services = services;
        this.archive = archive;
        this.events = events;
        Crm = crm;
        Time = time;
        Scheduler = new RecordingScheduler();
    }

    public FakeCrm Crm { get; }

    public FakeTimeProvider Time { get; }

    public RecordingScheduler Scheduler { get; }

    /// <summary>When the earliest CRM or email work is due; null when none is scheduled.</summary>
    public DateTimeOffset? NextDue => Scheduler.NextDue(CrmWork.Kind, SessionEmailJob.WorkKind);

    public IServiceProvider Services => services;

    public string Tenant { get; } = AzuriteFixture.UniqueName("tenant");

    public CrmClient Client => services.GetRequiredService<CrmClient>();

    public CrmSettingsStore Store => services.GetRequiredService<CrmSettingsStore>();

    public CrmSessionStore Sessions => services.GetRequiredService<CrmSessionStore>();

    public CrmSessionSync Sync => services.GetRequiredService<CrmSessionSync>();

    public ProcessEvent Process => services.GetRequiredService<ProcessEvent>();

    public RunWork Work => services.GetRequiredService<RunWork>();

    public DeliveryLog Log => services.GetRequiredService<DeliveryLog>();

    public BlobContainerClient Archive => services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(archive);

    public static async Task<CrmHarness> StartAsync(AzuriteFixture azurite)
    {
        var archive = AzuriteFixture.UniqueName("archive");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Delivery:AllowPrivateNetworks"] = "true",
            ["Export:Container"] = archive,
        }).Build();
        var time = new FakeTimeProvider(Start);
        var events = azurite.Queues.GetQueueClient(AzuriteFixture.UniqueName("events"));
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSwitchboardCore();

        // Events the CRM queues (CRM_Record_Pop) land on a queue of this test's own.
        collection.AddSingleton(sp => new IngestEvent(events, sp.GetRequiredService<ClaimCheck>(), time));
        await azurite.ProvisionAsync(new StorageResources([], [events.Name], [archive]));
        return new CrmHarness(collection.BuildServiceProvider(), await FakeCrm.StartAsync(), time, archive, events);
    }

    /// <summary>The documented example settings for this harness's tenant, aimed at the fake CRM.</summary>
    public CrmSettings Settings() => CrmSamples.Valid(Crm.BaseAddress.ToString(), Tenant, allowPrivateNetworks: true);

    /// <summary>Stores <paramref name="settings"/> (the example when null) for the tenant.</summary>
    public async Task<CrmSettings> ConfigureAsync(CrmSettings? settings = null)
    {
        settings ??= Settings();
        await Store.SaveAsync(settings);
        services.GetRequiredService<CrmSettingsCatalog>().Invalidate(Tenant);
        return settings;
    }

    /// <summary>A CCAI agent-adapter event, parsed by the real adapter, received <paramref name="seconds"/> after <see cref="Start"/>.</summary>
    public CanonicalEvent Ccai(double seconds, string type, string data)
    {
        var receivedAt = Start.AddSeconds(seconds);
        var context = new SourceContext { Tenant = Tenant, ReceivedAt = receivedAt, EventId = EventIds.New(receivedAt) };
        return SourceRequests.Adapter("ccai").Parse(Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","data":{{data}}}"""), "application/json", context);
    }

    /// <summary>
    /// Processes <paramref name="canonical"/> as the events queue's worker does, then runs whatever became due: CRM
    /// work, and the events the CRM sync queued (CRM_Record_Pop) through the same step. Returns the events so queued.
    /// </summary>
    public async Task<IReadOnlyList<CanonicalEvent>> ProcessAsync(CanonicalEvent canonical)
    {
        await Process.RunAsync(canonical, Scheduler);
        return await DrainAsync();
    }

    /// <summary>Runs due work and processes queued events until neither is left; returns the events processed.</summary>
    public async Task<IReadOnlyList<CanonicalEvent>> DrainAsync()
    {
        var processed = new List<CanonicalEvent>();
        while (true)
        {
            var ran = await Scheduler.RunDueAsync(Work, Time, CrmWork.Kind, SessionEmailJob.WorkKind);
            var queued = await ReceiveEventsAsync();
            foreach (var canonical in queued)
            {
                await Process.RunAsync(canonical, Scheduler);
            }

            processed.AddRange(queued);
            if (ran == 0 && queued.Count == 0)
            {
                return processed;
            }
        }
    }

    /// <summary>Runs every export that is due by the clock, as the jobs queue would; returns the exports that ran.</summary>
    public async Task<IReadOnlyList<ExportJob>> ExportDueAsync()
    {
        var due = Scheduler.Exports.Where(e => e.At <= Time.GetUtcNow()).Select(e => e.Job).ToList();
        await Scheduler.RunDueAsync(Work, Time, ExportJob.WorkKind);
        return due;
    }

    /// <summary>The tenant's CRM calls in the attempt log, in the order the log lists them.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> CrmDeliveriesAsync()
    {
        var page = await Log.ListAsync(Tenant, new DeliveryQuery { Kind = AttemptKind.Crm }, 1000, null);
        return page.Items;
    }

    public async ValueTask DisposeAsync()
    {
        await Crm.DisposeAsync();
        await Archive.DeleteIfExistsAsync();
        await events.DeleteIfExistsAsync();
        await services.DisposeAsync();
    }

    private async Task<IReadOnlyList<CanonicalEvent>> ReceiveEventsAsync()
    {
        var received = new List<CanonicalEvent>();
        foreach (var message in (await events.ReceiveMessagesAsync(32)).Value)
        {
            var json = await services.GetRequiredService<ClaimCheck>().OpenAsync(message.Body.ToString());
            received.Add(ProcessEvent.Read(json));
            await events.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return received;
    }
}
