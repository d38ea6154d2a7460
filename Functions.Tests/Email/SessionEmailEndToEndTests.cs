using System.Net;
using System.Net.Http.Json;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.EndToEnd;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.Email;

/// <summary>The portable host end to end: platform events → export after Export:Delay → outcome email over SMTP, retried through the job queue.</summary>
public sealed class SessionEmailEndToEndTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private const string WebitelMember = "a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_completed_call_is_emailed_after_its_export_and_a_451_is_retried_through_the_job_queue()
    {
        await using var sink = SmtpSink.Start(rejectFirst: 1);
        await using var host = new PipelineHost(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:EnableSsl"] = "false",
            ["Email:From"] = "no-reply@switchboard.test",
        });
        var tenant = AzuriteFixture.UniqueName("e2e");
        host.Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", PipelineHost.AdminKey);
        using var global = await host.Http.PutAsJsonAsync(new Uri($"/api/email/settings?tenant={tenant}", UriKind.Relative), new { enabled = false, address = "crm@example.com" });
        using var queue = await host.Http.PutAsJsonAsync(new Uri($"/api/email/settings/queues/Support?tenant={tenant}", UriKind.Relative), new { enabled = true, address = "support-crm@example.com" });

        using var joined = await host.PostEventAsync("webitel", WrittenPayloads.Webitel("joined"), query: $"?tenant={tenant}");
        using var leaving = await host.PostEventAsync("webitel", WrittenPayloads.Webitel("leaving"), query: $"?tenant={tenant}");
        await Eventually.TrueAsync(() => !sink.Messages.IsEmpty, Patience, "the outcome email arrives after a 451");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (global.StatusCode, queue.StatusCode));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (joined.StatusCode, leaving.StatusCode));
        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["support-crm@example.com"], mail.Recipients);
        Assert.Equal($"Session outcome: call {WebitelMember}", mail.Subject);
        Assert.Contains("\"status\": \"completed\"", mail.Body, StringComparison.Ordinal);
        Assert.Equal(2, sink.Transactions);

        // The sink answers before the attempt is recorded.
        var log = (DeliveryLog)host.Services.GetService(typeof(DeliveryLog))!;
        var deliveryId = SessionEmailJob.DeliveryIdFor(new SessionKey(tenant, "call", WebitelMember));
        await Eventually.TrueAsync(async () => (await log.GetAsync(tenant, deliveryId))?.State == DeliveryState.Delivered, Patience, "the second attempt is recorded");
        var history = await log.GetHistoryAsync(tenant, deliveryId);
        Assert.Equal([451, 250], history!.Attempts.Select(a => a.StatusCode ?? 0));
        var listed = await host.Http.GetStringAsync(new Uri($"/api/deliveries?tenant={tenant}&kind=email", UriKind.Relative));
        Assert.Contains(history.Delivery.DeliveryId, listed, StringComparison.Ordinal);
    }
}
