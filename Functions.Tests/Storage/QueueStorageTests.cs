using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.Storage;

/// <summary>What the pipeline relies on from queue storage, through the SDK clients as the hosts configure them.</summary>
public sealed class QueueStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.Queues.GetQueueClient(AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>The queue as a client without decoding sees it: the text as stored.</summary>
    private QueueClient Raw(QueueClient queue) => new(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    [Fact]
    public async Task An_ingested_event_is_stored_as_base64_of_its_json_as_the_functions_trigger_reads_it()
    {
        var queue = await NewQueueAsync();
        var ingest = new IngestEvent(queue, Claims(), TimeProvider.System);

        var accepted = await ingest.RunAsync(Ucontact(), "default", Encoding.UTF8.GetBytes(PrintedPayloads.UcontactAgentLogin), "application/json", null);
        var stored = Assert.Single((await Raw(queue).PeekMessagesAsync()).Value);

        var json = Encoding.UTF8.GetString(Convert.FromBase64String(stored.MessageText));
        Assert.Equal(accepted.Id, JsonDocument.Parse(json).RootElement.GetProperty("id").GetString());
        Assert.Equal(9999, stored.ExpiresOn?.Year);
    }

    [Fact]
    public async Task A_large_event_travels_as_a_claim_on_a_blob_and_opens_back_into_its_json()
    {
        var queue = await NewQueueAsync();
        var claims = Claims();
        var ingest = new IngestEvent(queue, claims, TimeProvider.System);
        var large = $$"""{"event":"AgentLog","date":"2024-01-01 00:00:00","agent":"a1","isLogin":true,"pad":"{{new string('x', 60_000)}}"}""";

        var accepted = await ingest.RunAsync(Ucontact(), "default", Encoding.UTF8.GetBytes(large), "application/json", null);
        var message = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        var json = await claims.OpenAsync(message.Body.ToString());

        Assert.True(message.Body.ToMemory().Length < 512, $"the message holds {message.Body.ToMemory().Length} bytes");
        Assert.Equal(accepted.Id, JsonDocument.Parse(json).RootElement.GetProperty("id").GetString());
        Assert.Contains(new string('x', 60_000), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_on_a_missing_blob_is_poison()
    {
        var error = await Assert.ThrowsAsync<PoisonMessageException>(() => Claims().OpenAsync("""{"claim":"gone.json"}"""));

        Assert.IsType<RequestFailedException>(error.InnerException);
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_and_nothing_is_queued()
    {
        var queue = await NewQueueAsync();

        // 49,152 bytes encode to exactly 65,536 base64 characters: the largest message the service takes.
        await queue.SendMessageAsync(new string('x', 49_152));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync(new string('x', 49_153)));

        Assert.Equal(413, refused.Status);
        Assert.Equal(65_536, Assert.Single((await Raw(queue).PeekMessagesAsync(32)).Value).MessageText.Length);
    }

    [Fact]
    public async Task A_delayed_message_stays_invisible_until_due()
    {
        var queue = await NewQueueAsync();
        var clock = Stopwatch.StartNew();

        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2))).Value;

        Assert.InRange(receipt.TimeNextVisible - receipt.InsertionTime, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.1));
        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        QueueMessage[] received = [];
        while (received.Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200);
            received = (await queue.ReceiveMessagesAsync()).Value;
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"visible after {clock.Elapsed}");
        Assert.Equal("later", Assert.Single(received).Body.ToString());
    }

    [Fact]
    public async Task A_lost_lease_cannot_be_renewed_or_used_to_delete()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("contested");
        var first = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var second = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30)));
        var staleDelete = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => queue.UpdateMessageAsync(second.MessageId, second.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30)));

        Assert.Equal((400, QueueErrorCode.PopReceiptMismatch.ToString()), (stale.Status, stale.ErrorCode));
        Assert.Equal((400, QueueErrorCode.PopReceiptMismatch.ToString()), (staleDelete.Status, staleDelete.ErrorCode));
        Assert.Equal(404, gone.Status);
        Assert.Equal(2, second.DequeueCount);
    }

    private static ISourceAdapter Ucontact() => new SourceAdapters(new SourceOptions()).Find("ucontact")!;

    // The hosts' container, which the fixture provisions as a host does; blob names are event ids, unique to each test.
    private ClaimCheck Claims() => new(azurite.Blobs.GetBlobContainerClient(QueueNames.ClaimContainer));
}
