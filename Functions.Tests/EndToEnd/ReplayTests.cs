using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Crm;
using Switchboard.Tests.Email;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.EndToEnd;

/// <summary>
/// Dead letters of every kind are replayed through <c>POST /api/deliveries/{id}/replay</c> on the portable host: a CRM
/// call the CRM refused and an outcome email the SMTP server refused, each delivered by its replay.
/// </summary>
public sealed class ReplayTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement?> DeadLetterAsync(PipelineHost host, string tenant, string kind)
    {
        using var response = await host.Http.GetAsync(new Uri($"/api/deliveries?tenant={tenant}&kind={kind}&status=failed", UriKind.Relative));
        var items = (await JsonAsync(response)).GetProperty("items");
        return items.GetArrayLength() == 0 ? null : items[0];
    }

    [Fact]
    public async Task A_crm_call_the_crm_refused_is_replayed_and_its_sync_goes_on()
    {
        var accepting = false;
        await using var crm = await FakeCrm.StartAsync();
        crm.On("GET", "api/accounts/search", 200, """{"data":[]}""")
            .On("POST", "api/accounts", _ => accepting ? new FakeAnswer(201, """{"data":[{"id":123}]}""") : new FakeAnswer(500, """{"error":"down"}"""))
            .On("POST", "api/records", 201, """{"record":{"id":456}}""")
            .On("POST", "api/records/456/comments", 201, """{"id":"c-1"}""");
        await using var host = new PipelineHost(azurite.ConnectionString);
        host.Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", PipelineHost.AdminKey);
        var tenant = AzuriteFixture.UniqueName("replay");
        await host.Services.GetRequiredService<CrmSettingsStore>().SaveAsync(CrmSamples.Valid(crm.BaseAddress.ToString(), tenant, allowPrivateNetworks: true));

        using var posted = await host.PostEventAsync("ccai", """
            {"type":"New_Call","data":{"call_id":7301,"agent_id":1,"agent_email":"kim@example.com","queue_id":8469,"queue_path":"Support",
             "end_user_name":"Jane Doe","end_user_phone":"+1 222 333 4444"}}
            """, query: $"?tenant={tenant}");
        JsonElement? dead = null;
        await Eventually.TrueAsync(async () => (dead = await DeadLetterAsync(host, tenant, "crm")) is not null, Patience, "the refused CRM call is a dead letter");
        var deadId = dead!.Value.GetProperty("deliveryId").GetString()!;

        // The run that recorded the dead call still holds the session's lease for a moment; a replay then would find the
        // session busy and look again when the lease expires (202). Wait until the run has let go.
        var sessions = host.Services.GetRequiredService<CrmSessionStore>();
        await Eventually.TrueAsync(
            async () =>
            {
                var (lease, _) = await sessions.AcquireAsync(new SessionKey(tenant, "call", "7301"), TimeSpan.FromSeconds(40));
                return lease is not null && await sessions.ReleaseAsync(lease);
            },
            Patience,
            "the sync that recorded the dead call releases the session");

        accepting = true;
        using var replayed = await host.Http.PostAsync(new Uri($"/api/deliveries/{deadId}/replay?tenant={tenant}", UriKind.Relative), null);
        var replay = await JsonAsync(replayed);
        var replayId = replay.GetProperty("deliveryId").GetString();
        using var record = await host.Http.GetAsync(new Uri($"/api/deliveries/{replayId}?tenant={tenant}", UriKind.Relative));
        var delivery = (await JsonAsync(record)).GetProperty("delivery");

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(("crm", "create-account"), (dead.Value.GetProperty("kind").GetString(), dead.Value.GetProperty("target").GetString()));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(("delivered", "crm", "create-account"), (replay.GetProperty("state").GetString(), replay.GetProperty("kind").GetString(), replay.GetProperty("target").GetString()));
        Assert.NotEqual(deadId, replayId);
        Assert.Equal(deadId, delivery.GetProperty("replayOf").GetString());
        Assert.Equal(2, crm.Calls("POST", "api/accounts").Count);

        // With the account made, the sync went on to create the call's record.
        Assert.Single(crm.Calls("POST", "api/records"));
    }

    [Fact]
    public async Task An_email_the_smtp_server_refused_is_replayed_and_sent()
    {
        await using var sink = SmtpSink.Start(rejectFirst: 1, rejectWith: "550 5.1.1 Mailbox unavailable");
        await using var host = new PipelineHost(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:EnableSsl"] = "false",
            ["Email:From"] = "no-reply@switchboard.test",
        });
        var tenant = AzuriteFixture.UniqueName("replay");
        host.Http.DefaultRequestHeaders.Add("x-switchboard-admin-key", PipelineHost.AdminKey);
        using var settings = await host.Http.PutAsJsonAsync(new Uri($"/api/email/settings?tenant={tenant}", UriKind.Relative), new { enabled = true, address = "crm@example.com" });

        using var joined = await host.PostEventAsync("webitel", WrittenPayloads.Webitel("joined"), query: $"?tenant={tenant}");
        using var leaving = await host.PostEventAsync("webitel", WrittenPayloads.Webitel("leaving"), query: $"?tenant={tenant}");
        JsonElement? dead = null;
        await Eventually.TrueAsync(async () => (dead = await DeadLetterAsync(host, tenant, "email")) is not null, Patience, "the refused email is a dead letter");
        var deadId = dead!.Value.GetProperty("deliveryId").GetString()!;

        using var replayed = await host.Http.PostAsync(new Uri($"/api/deliveries/{deadId}/replay?tenant={tenant}", UriKind.Relative), null);
        var replay = await JsonAsync(replayed);

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(("email", "session-outcome"), (dead.Value.GetProperty("kind").GetString(), dead.Value.GetProperty("target").GetString()));
        Assert.False(dead.Value.TryGetProperty("triggerId", out var trigger) && trigger.ValueKind != JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(("delivered", 250), (replay.GetProperty("state").GetString(), replay.GetProperty("statusCode").GetInt32()));
        Assert.NotEqual(deadId, replay.GetProperty("deliveryId").GetString());
        Assert.Equal(["crm@example.com"], Assert.Single(sink.Messages).Recipients);
        Assert.Equal(2, sink.Transactions);
    }
}
