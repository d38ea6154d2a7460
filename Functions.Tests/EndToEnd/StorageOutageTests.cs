using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Host.Development;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.EndToEnd;

/// <summary>The queue workers ride out a storage outage instead of stopping the host.</summary>
public sealed class StorageOutageTests
{
    private static readonly string[] AllEvents = ["*"];

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
        using var response = await host.PostEventAsync("ucontact", SeedPayloads.UcontactAgentLogin);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, TimeSpan.FromSeconds(30), "the event is delivered once storage is back");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }
}
