using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Host.Development;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.EndToEnd;

/// <summary>
/// Storage going away under a running host: the queue workers ride it out, ingest answers 503 with Retry-After at once
/// instead of hanging or failing with 500, and storage that comes back empty has its tables, queues and containers made
/// again at the next call.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly string[] AllEvents = ["*"];

    [Fact]
    public async Task Ingest_answers_503_with_Retry_After_within_2_seconds_while_storage_is_killed_and_202_once_it_is_back()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint()!;
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await using var receiver = await Receiver.StartAsync();
        await using var host = new PipelineHost(azurite.ConnectionString);
        await host.CreateTriggerAsync(new { name = "through the outage", events = AllEvents, action = new { url = receiver.Url("hook") } });
        using var before = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 1, TimeSpan.FromSeconds(30), "the event accepted before the outage is delivered");

        await azurite.DisposeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var during = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        var answeredIn = clock.Elapsed;
        var problem = System.Text.Json.JsonDocument.Parse(await during.Content.ReadAsStringAsync()).RootElement;

        await using var back = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        using var after = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, TimeSpan.FromSeconds(60), "the event accepted after the outage is delivered");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, before.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(2), $"answered in {answeredIn.TotalSeconds:0.00} s");
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.NotNull(during.Headers.RetryAfter?.Delta);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, after.StatusCode);
    }

    [Fact]
    public async Task Ingest_answers_503_within_2_seconds_when_storage_accepts_connections_but_never_answers()
    {
        // A listener that never reads: what a paused or wedged storage endpoint looks like from here.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var account = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};QueueEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};";
        await using var host = new PipelineHost(account);
        using var warm = await host.PostEventAsync("nowhere", "{}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered in {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Storage_that_comes_back_empty_gets_its_tables_queues_and_containers_again_without_a_restart()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint()!;
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await using var receiver = await Receiver.StartAsync();
        await using var host = new PipelineHost(azurite.ConnectionString);
        await host.CreateTriggerAsync(new { name = "before the wipe", events = AllEvents, action = new { url = receiver.Url("before") } });
        using var first = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 1, TimeSpan.FromSeconds(30), "delivered before the wipe");
        using var listedBefore = await ListDeliveriesAsync(host);

        // In-memory Azurite: a new one on the same ports is storage wiped clean.
        await azurite.DisposeAsync();
        await using var wiped = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        using var listed = await ListDeliveriesAsync(host);
        await host.CreateTriggerAsync(new { name = "after the wipe", events = AllEvents, action = new { url = receiver.Url("after") } });
        using var second = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => receiver.Requests.Any(r => r.Path == "/after"), TimeSpan.FromSeconds(60), "delivered after the wipe");

        Assert.Equal(System.Net.HttpStatusCode.OK, listedBefore.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, second.StatusCode);
    }

    [Fact]
    public async Task The_host_keeps_running_through_an_outage_and_resumes_when_storage_returns()
    {
        var entryPoint = AzuriteProcess.FindEntryPoint()!;
        var (blob, queue, table) = AzuriteProcess.FreePorts();
        var azurite = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await using var receiver = await Receiver.StartAsync();
        await using var host = new PipelineHost(azurite.ConnectionString);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        await azurite.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host must not stop because storage went away");

        await using var back = await AzuriteProcess.StartAsync(entryPoint, blob, queue, table);
        await host.CreateTriggerAsync(new { name = "after the outage", events = AllEvents, action = new { url = receiver.Url("after") } });
        using var response = await host.PostEventAsync("ucontact", PrintedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, TimeSpan.FromSeconds(30), "the event is delivered once storage is back");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> ListDeliveriesAsync(PipelineHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/deliveries", UriKind.Relative));
        request.Headers.Add("x-switchboard-admin-key", PipelineHost.AdminKey);
        return await host.Http.SendAsync(request);
    }
}
