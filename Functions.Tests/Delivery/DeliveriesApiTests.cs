using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Host;

namespace Switchboard.Tests.Delivery;

/// <summary>The deliveries API and the trigger test route, through the host in memory with the admin key.</summary>
public sealed class DeliveriesApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> LocalDevelopment = new() { ["Delivery:AllowPrivateNetworks"] = "true" };

    private readonly string tenant = AzuriteFixture.UniqueName("tenant");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<HttpResponseMessage> CreateTriggerAsync(AdminClient client, Receiver receiver, string id, string policy = "none") =>
        client.PostRawAsync($"/api/triggers?tenant={tenant}", $$"""
            { "id": "{{id}}", "name": "crm", "source": "ccai", "events": ["End_Call"],
              "action": { "url": "{{receiver.Url("hook")}}", "customData": { "hook": "after-call" },
                          "retry": { "policy": "{{policy}}" }, "secret": "{{DeliveryHarness.Secret}}" } }
            """);

    private static Task<HttpResponseMessage> GetAsync(AdminClient client, string path) => client.Http.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task Testing_a_trigger_sends_a_sample_event_of_its_source_and_returns_the_attempt()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var client = new AdminClient(azurite, LocalDevelopment);
        using var created = await CreateTriggerAsync(client, receiver, "crm");

        using var tested = await client.PostRawAsync($"/api/triggers/crm/test?tenant={tenant}", "{}");
        var attempt = await JsonAsync(tested);
        var received = Assert.Single(receiver.Requests);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal("delivered", attempt.GetProperty("state").GetString());
        Assert.Equal("crm", attempt.GetProperty("triggerId").GetString());
        Assert.Equal("ok", attempt.GetProperty("responseExcerpt").GetString());
        Assert.Equal("ccai", received.Json.GetProperty("source").GetString());
        Assert.Equal("End_Call", received.Json.GetProperty("event").GetString());
        Assert.Equal("after-call", received.Json.GetProperty("customData").GetProperty("hook").GetString());
        Assert.Equal(attempt.GetProperty("deliveryId").GetString(), received.Header("webhook-id"));
        Assert.True(IndependentSignature.Matches(DeliveryHarness.Secret, received));
    }

    [Fact]
    public async Task Testing_an_unknown_trigger_is_404()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);

        using var tested = await client.PostRawAsync($"/api/triggers/nope/test?tenant={tenant}", "{}");

        Assert.Equal(HttpStatusCode.NotFound, tested.StatusCode);
        Assert.Equal("application/problem+json", tested.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Dead_letters_are_listed_by_state_trigger_and_event_and_a_replay_delivers_them()
    {
        var failing = true;
        await using var receiver = await Receiver.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = failing ? 400 : 200;
            await context.Response.WriteAsync(failing ? "bad" : "ok");
        });
        await using var client = new AdminClient(azurite, LocalDevelopment);
        using var created = await CreateTriggerAsync(client, receiver, "crm");
        var canonical = DeliveryHarness.Event(tenant: tenant) with { Source = "ccai", Type = "End_Call" };
        var job = DeliveryJob.First(canonical, "crm", DateTimeOffset.UtcNow);
        var attempted = await client.Services.GetRequiredService<AttemptDelivery>().RunAsync(job, client.Services.GetRequiredService<IPipelineScheduler>());

        using var failed = await GetAsync(client, $"/api/deliveries?tenant={tenant}&status=failed");
        using var byTrigger = await GetAsync(client, $"/api/deliveries?tenant={tenant}&trigger=crm");
        using var byEvent = await GetAsync(client, $"/api/deliveries?tenant={tenant}&event={canonical.Id}&status=failed");
        using var delivered = await GetAsync(client, $"/api/deliveries?tenant={tenant}&status=delivered");
        using var one = await GetAsync(client, $"/api/deliveries/{job.DeliveryId}?tenant={tenant}");
        var history = await JsonAsync(one);

        Assert.Equal("failed", attempted.State.ToString().ToLowerInvariant());
        Assert.Equal(job.DeliveryId, (await JsonAsync(failed)).GetProperty("items")[0].GetProperty("deliveryId").GetString());
        Assert.Equal(job.DeliveryId, (await JsonAsync(byTrigger)).GetProperty("items")[0].GetProperty("deliveryId").GetString());
        Assert.Equal(job.DeliveryId, (await JsonAsync(byEvent)).GetProperty("items")[0].GetProperty("deliveryId").GetString());
        Assert.Equal(0, (await JsonAsync(delivered)).GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(failed)).GetProperty("continuation").ValueKind);
        Assert.Equal("failed", history.GetProperty("delivery").GetProperty("state").GetString());
        Assert.Equal(400, history.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal("bad", history.GetProperty("attempts")[0].GetProperty("responseExcerpt").GetString());

        failing = false;
        using var replayed = await client.PostRawAsync($"/api/deliveries/{job.DeliveryId}/replay?tenant={tenant}", "{}");
        var replay = await JsonAsync(replayed);
        using var again = await client.PostRawAsync($"/api/deliveries/{job.DeliveryId}/replay?tenant={tenant}", "{}");
        using var unknown = await client.PostRawAsync($"/api/deliveries/dlv_nope/replay?tenant={tenant}", "{}");
        using var afterwards = await GetAsync(client, $"/api/deliveries?tenant={tenant}&event={canonical.Id}");

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("delivered", replay.GetProperty("state").GetString());
        Assert.NotEqual(job.DeliveryId, replay.GetProperty("deliveryId").GetString());
        Assert.Equal(replay.GetProperty("deliveryId").GetString(), receiver.Requests.Last().Header("webhook-id"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(2, (await JsonAsync(afterwards)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bad_queries_are_validation_problems_and_the_admin_key_is_required()
    {
        await using var client = new AdminClient(azurite, LocalDevelopment);

        using var status = await GetAsync(client, $"/api/deliveries?tenant={tenant}&status=lost");
        using var tenantName = await GetAsync(client, "/api/deliveries?tenant=no%20spaces");
        using var pageSize = await GetAsync(client, $"/api/deliveries?tenant={tenant}&pageSize=0");
        using var continuation = await GetAsync(client, $"/api/deliveries?tenant={tenant}&continuation=garbage!");
        using var missing = await GetAsync(client, $"/api/deliveries/dlv_nope?tenant={tenant}");
        client.Http.DefaultRequestHeaders.Remove("x-switchboard-admin-key");
        using var anonymous = await GetAsync(client, $"/api/deliveries?tenant={tenant}");

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.True((await JsonAsync(status)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tenantName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pageSize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, continuation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
