using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Delivery;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.EndToEnd;

/// <summary>An event too large for a queue message, through the portable host: its claim-check blob carries it from ingest to the receiver.</summary>
public sealed class ClaimCheckTests(DedicatedAzurite azurite) : IClassFixture<DedicatedAzurite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly string[] AllEvents = ["*"];

    [Fact]
    public async Task A_200_KiB_event_is_queued_as_a_claim_on_its_blob_and_reaches_the_receiver_whole()
    {
        await using var receiver = await Receiver.StartAsync();
        var tenant = AzuriteFixture.UniqueName("e2e");
        var body = LargeEvent(200 * 1024);
        var events = azurite.Queues.GetQueueClient(QueueNames.Events);
        var claims = azurite.Blobs.GetBlobContainerClient(QueueNames.ClaimContainer);
        string eventId;

        // Ingest without workers first, so the queued message can be looked at before anything takes it. The first
        // claim of a fresh host creates its container and warms the blob path, which on a busy machine's Azurite can
        // take longer than the 1 s ingest budget (a 503 the platform would retry); this test is about what follows.
        var ingestOnly = new Dictionary<string, string?> { ["Queues:RunWorkers"] = "false", ["Ingest:StorageTimeout"] = "00:00:30" };
        await using (var ingest = new PipelineHost(azurite.ConnectionString, ingestOnly))
        {
            await ingest.CreateTriggerAsync(new { tenant, name = "large", source = "ucontact", events = AllEvents, action = new { url = receiver.Url("large") } });
            using var response = await ingest.PostEventAsync("ucontact", body, query: $"?tenant={tenant}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            eventId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }

        var queued = Assert.Single((await events.PeekMessagesAsync(32)).Value).Body.ToString();
        var claimed = JsonDocument.Parse(queued).RootElement.GetProperty("claim").GetString()!;
        var blob = claims.GetBlobClient(claimed);
        var stored = JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()).RootElement;

        await using (var host = new PipelineHost(azurite.ConnectionString))
        {
            await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, Patience, "the large event reaches the receiver");
            await Eventually.TrueAsync(async () => (await events.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, Patience, "the event's message is deleted");
        }

        var received = Assert.Single(receiver.Requests);
        Assert.True(queued.Length < 512, $"the message is a claim, not the event ({queued.Length} characters)");
        Assert.Equal($"{eventId}.json", claimed);
        Assert.Equal(eventId, stored.GetProperty("id").GetString());
        Assert.Equal(eventId, received.Json.GetProperty("id").GetString());
        Assert.True(received.Body.Length > 200 * 1024, $"the receiver got {received.Body.Length} bytes");
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(body).RootElement, received.Json.GetProperty("data")), "data is the payload whole");

        // Kept after the message is done: a redelivered message would still need its body (a lifecycle rule removes it).
        Assert.True((await blob.ExistsAsync()).Value, "the claim blob is kept");
    }

    [Fact]
    public async Task A_claim_whose_blob_is_gone_goes_to_poison_on_its_first_receive_naming_the_blob()
    {
        var events = azurite.Queues.GetQueueClient(QueueNames.Events);
        var poison = azurite.Queues.GetQueueClient(QueueNames.Poison(QueueNames.Events));
        var missing = $"{AzuriteFixture.UniqueName("evt")}.json";
        await events.CreateIfNotExistsAsync();
        await events.SendMessageAsync(JsonSerializer.Serialize(new { claim = missing }));

        await using (var host = new PipelineHost(azurite.ConnectionString))
        {
            await Eventually.TrueAsync(
                async () => (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync()).Value.Length == 1, Patience, "the claim reaches the poison queue");
        }

        var record = JsonSerializer.Deserialize<PoisonedMessage>(Assert.Single((await poison.PeekMessagesAsync()).Value).Body.ToString())!;
        Assert.Equal(1, record.DequeueCount);
        Assert.Contains(missing, record.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await events.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    /// <summary>A uContact agent event padded with at least <paramref name="size"/> characters of mixed text, accents and emoji included.</summary>
    private static string LargeEvent(int size)
    {
        var notes = new StringBuilder();
        for (var line = 0; notes.Length < size; line++)
        {
            notes.Append(FormattableString.Invariant($"line {line}: señal café ☎ 📞 \"quoted\" \\ tab\t end\n"));
        }

        var payload = JsonNode.Parse(PrintedPayloads.UcontactAgentLogin)!.AsObject();
        payload["notes"] = notes.ToString();
        return payload.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
