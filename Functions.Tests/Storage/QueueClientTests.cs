using System.Diagnostics;
using System.Text;
using Azure.Core;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Storage;

public sealed class QueueClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.Account.GetQueueClient(AzuriteFixture.UniqueName("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task Create_and_delete_if_exists_report_what_they_did()
    {
        var queue = await NewQueueAsync();

        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task A_sent_message_is_received_once_and_deleted_by_its_pop_receipt()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"event\":\"call.started\",\"agent\":\"Zoë ✓\"}";

        var receipt = await queue.SendMessageAsync(text);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(1)));

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(receipt.InsertionTime, received.InsertionTime);
        Assert.Equal(receipt.ExpirationTime, received.ExpirationTime);
        Assert.InRange(received.ExpirationTime - received.InsertionTime, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        Assert.True(received.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(text, received.Body?.ToString());
        Assert.Empty(await queue.ReceiveMessagesAsync());

        Assert.True(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.False(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Message_text_travels_as_base64_of_utf8()
    {
        var queue = await NewQueueAsync();
        const string text = "héllo <world> & \"friends\"";

        await queue.SendMessageAsync(text);
        var peeked = Assert.Single(await queue.PeekMessagesAsync());

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), peeked.MessageText);
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(peeked.MessageText)));
    }

    [Fact]
    public async Task A_message_queued_without_base64_has_no_body()
    {
        var queue = await NewQueueAsync();
        var account = azurite.Account;
        var pipeline = account.CreatePipeline(StorageService.Queue);
        using (var put = pipeline.CreateMessage())
        {
            put.Request.Method = RequestMethod.Post;
            put.Request.Uri.Reset(new Uri(account.QueueEndpoint, $"{queue.Name}/messages"));
            put.Request.Headers.SetValue("x-ms-version", StorageVersions.BlobAndQueue);
            put.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("<QueueMessage><MessageText>not base64: {\"a\":1}</MessageText></QueueMessage>"));
            await pipeline.SendAsync(put, CancellationToken.None);
            Assert.Equal(201, put.Response.Status);
        }

        var received = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal("not base64: {\"a\":1}", received.MessageText);
        Assert.Null(received.Body);
    }

    [Fact]
    public async Task A_delayed_message_stays_invisible_until_due()
    {
        var queue = await NewQueueAsync();
        var clock = Stopwatch.StartNew();

        var receipt = await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2));

        Assert.InRange(receipt.TimeNextVisible - receipt.InsertionTime, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.1));
        Assert.Empty(await queue.ReceiveMessagesAsync());
        Assert.Empty(await queue.PeekMessagesAsync());
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());

        var peeked = await PollAsync(() => queue.PeekMessagesAsync());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"visible after {clock.Elapsed}");
        Assert.Equal(receipt.MessageId, Assert.Single(peeked).MessageId);
        var received = Assert.Single(await queue.ReceiveMessagesAsync());
        Assert.Equal("later", received.Body?.ToString());
    }

    [Fact]
    public async Task Updating_the_visibility_extends_the_lease()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("long job");
        var received = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        var renewed = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.FromSeconds(30));

        Assert.NotEqual(received.PopReceipt, renewed.PopReceipt);
        Assert.True(renewed.NextVisibleOn >= received.NextVisibleOn.AddSeconds(25));

        // Past the first lease: without the renewal the message would be back by now.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await queue.ReceiveMessagesAsync());
        Assert.Empty(await queue.PeekMessagesAsync());

        Assert.False(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.True(await queue.DeleteMessageAsync(received.MessageId, renewed.PopReceipt));
    }

    [Fact]
    public async Task A_returned_message_is_received_again_with_a_higher_dequeue_count_and_new_text()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("attempt");
        var first = Assert.Single(await queue.ReceiveMessagesAsync());

        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, "attempt, with notes");
        var second = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal("attempt, with notes", second.Body?.ToString());
    }

    [Fact]
    public async Task A_lost_lease_cannot_be_renewed()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("contested");
        var first = Assert.Single(await queue.ReceiveMessagesAsync());
        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        var second = Assert.Single(await queue.ReceiveMessagesAsync());

        var stale = await Assert.ThrowsAsync<StorageException>(() => queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.FromSeconds(30)));
        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);

        Assert.True(await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt));
        var gone = await Assert.ThrowsAsync<StorageException>(() => queue.UpdateMessageAsync(second.MessageId, second.PopReceipt, TimeSpan.FromSeconds(30)));
        Assert.Equal(StorageErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task Peek_leaves_messages_visible_and_unreceived()
    {
        var queue = await NewQueueAsync();
        foreach (var text in new[] { "one", "two", "three" })
        {
            await queue.SendMessageAsync(text);
        }

        var peeked = await queue.PeekMessagesAsync(maxMessages: 32);
        var received = await queue.ReceiveMessagesAsync(maxMessages: 32);

        Assert.Equal(["one", "two", "three"], peeked.Select(m => m.Body?.ToString()));
        Assert.All(peeked, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(peeked.Select(m => m.MessageId), received.Select(m => m.MessageId));
        Assert.All(received, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task Approximate_count_counts_visible_and_invisible_messages()
    {
        var queue = await NewQueueAsync();
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());

        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");
        await queue.SendMessageAsync("c", visibilityTimeout: TimeSpan.FromMinutes(5));
        await queue.ReceiveMessagesAsync();

        Assert.Equal(3, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_message_over_64_KiB_once_encoded_is_refused_before_sending()
    {
        var queue = await NewQueueAsync();

        // 49,152 bytes encode to exactly 65,536 base64 characters: the largest message the service takes.
        await queue.SendMessageAsync(new string('x', 49_152));
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync(new string('x', 49_153)));

        Assert.Equal("messageText", refused.ParamName);
        Assert.Equal(65_540L, refused.ActualValue);
        Assert.Contains("65536", refused.Message, StringComparison.Ordinal);
        Assert.Contains("claim-check", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
        Assert.Equal(65_536, Assert.Single(await queue.PeekMessagesAsync()).MessageText.Length);
    }

    [Fact]
    public async Task Out_of_range_timeouts_and_counts_are_refused_naming_the_argument()
    {
        var queue = await NewQueueAsync();

        Assert.Equal("visibilityTimeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", visibilityTimeout: TimeSpan.FromDays(8)))).ParamName);
        Assert.Equal("visibilityTimeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", visibilityTimeout: TimeSpan.FromSeconds(-1)))).ParamName);
        Assert.Equal("visibilityTimeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)))).ParamName);
        Assert.Equal("visibilityTimeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", TimeSpan.FromDays(7)))).ParamName);
        Assert.Equal("timeToLive", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", timeToLive: TimeSpan.Zero))).ParamName);
        Assert.Equal("timeToLive", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("m", timeToLive: TimeSpan.FromSeconds(-2)))).ParamName);
        Assert.Equal("maxMessages", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33))).ParamName);
        Assert.Equal("maxMessages", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(0))).ParamName);
        Assert.Equal("visibilityTimeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.Zero))).ParamName);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_message_can_live_forever_or_briefly_and_a_long_delay_fits_under_its_ttl()
    {
        var queue = await NewQueueAsync();

        var forever = await queue.SendMessageAsync("keep", timeToLive: QueueClient.NeverExpires);
        var brief = await queue.SendMessageAsync("brief", timeToLive: TimeSpan.FromMinutes(5));
        var weekLong = await queue.SendMessageAsync("week", visibilityTimeout: TimeSpan.FromDays(7), timeToLive: QueueClient.NeverExpires);

        Assert.Equal(9999, forever.ExpirationTime.Year);
        Assert.InRange(brief.ExpirationTime - brief.InsertionTime, TimeSpan.FromSeconds(299), TimeSpan.FromSeconds(301));
        Assert.InRange(weekLong.TimeNextVisible - weekLong.InsertionTime, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
    }

    /// <summary>Asks every 200 ms, for at most 10 s, until the answer is not empty.</summary>
    private static async Task<IReadOnlyList<T>> PollAsync<T>(Func<Task<IReadOnlyList<T>>> ask)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ask();
            if (answer.Count > 0 || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return answer;
            }

            await Task.Delay(200);
        }
    }
}
