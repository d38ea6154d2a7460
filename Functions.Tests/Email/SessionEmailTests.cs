using System.Text.Json;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Events;
using Switchboard.Tests.Azurite;
using Switchboard.Tests.Events;
using Switchboard.Tests.Sessions;

namespace Switchboard.Tests.Email;

/// <summary>
/// Outcome emails after real exports (journal, fold, archive on Azurite) to a real SMTP listener on loopback:
/// recipients per inheritance case, subject, JSON body, transcript attachment, completed sessions only, retries and
/// the attempt log.
/// </summary>
public sealed class SessionEmailTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string WebitelMember = "a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b";
    private const string Global = "global@example.com";
    private const string Queue = "queue@example.com";

    /// <summary>A Webitel call in queue 12 ("Support") that ended with <paramref name="result"/> (cc_result).</summary>
    private static CanonicalEvent[] WebitelCall(EventTimeline timeline, string result = "success") =>
    [
        timeline.Parse("webitel", WrittenPayloads.Webitel("joined"), 0),
        timeline.Parse("webitel", WrittenPayloads.Webitel("leaving").Replace("\"cc_result\":\"success\"", $"\"cc_result\":\"{result}\"", StringComparison.Ordinal), 130),
    ];

    public static TheoryData<bool, bool, string?, string> InheritanceCases() => new()
    {
        // Row 3: global on, queue off — the queue inherits the global address.
        { true, false, Global, "12" },

        // Row 3 for a queue that has no setting at all.
        { true, false, Global, "77" },

        // Row 2: global off, queue on — the queue overrides.
        { false, true, Queue, "12" },

        // Row 4: global on, queue on — the queue's address replaces the global one; the setting may name the queue.
        { true, true, Queue, "12" },
        { true, true, Queue, "support" },

        // Row 1: both off — nothing.
        { false, false, null, "12" },
    };

    [Theory]
    [MemberData(nameof(InheritanceCases))]
    public async Task A_completed_call_is_emailed_to_the_address_its_inheritance_row_gives(bool globalOn, bool queueOn, string? expected, string queueSetting)
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, globalOn, Global);
        await harness.Settings.SetQueueAsync(harness.Tenant, queueSetting, queueOn, Queue);

        await harness.ExportAsync(WebitelCall(harness.Timeline));

        if (expected is null)
        {
            Assert.Empty(sink.Messages);
            Assert.Null(await harness.HistoryAsync("call", WebitelMember));
            return;
        }

        var mail = Assert.Single(sink.Messages);
        Assert.Equal([expected], mail.Recipients);
        Assert.Equal("no-reply@switchboard.test", mail.From);
        Assert.Equal($"Session outcome: call {WebitelMember}", mail.Subject);
        Assert.Empty(mail.Attachments);
        var history = await harness.HistoryAsync("call", WebitelMember);
        var attempt = Assert.Single(history!.Attempts);
        Assert.Equal((DeliveryState.Delivered, 250, "SMTP", "mailto:" + expected), (attempt.State, attempt.StatusCode, attempt.Method, attempt.Url));
        Assert.Equal((AttemptKind.Email, SessionEmailJob.Target, $"call-{WebitelMember}", "webitel"), (history.Delivery.Kind, history.Delivery.Target, history.Delivery.EventId, history.Delivery.Source));
        Assert.Null(history.Delivery.TriggerId);
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "")]
    public async Task An_empty_address_from_the_deciding_row_sends_nothing(bool globalOn, string queueAddress)
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, globalOn, Global);
        await harness.Settings.SetQueueAsync(harness.Tenant, "12", enabled: true, queueAddress);

        await harness.ExportAsync(WebitelCall(harness.Timeline));

        Assert.Empty(sink.Messages);
        Assert.Equal(0, sink.Transactions);
    }

    [Fact]
    public async Task A_chat_is_emailed_with_its_metadata_as_the_body_and_its_transcript_attached()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, "crm-inbox@example.com");

        var exported = await harness.ExportAsync(CcaiSessionExportTests.Chat(harness.Timeline));

        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["crm-inbox@example.com"], mail.Recipients);
        Assert.Equal("Session outcome: chat 73522", mail.Subject);
        Assert.Contains("no-reply@switchboard.test", mail.Header("From"), StringComparison.Ordinal);
        Assert.Matches("^<eml_[0-9a-f]{32}@switchboard>$", mail.Header("Message-ID"));

        var archived = await harness.TextAsync("ujet-metadata/chat-73522.json");
        Assert.Equal(archived.ReplaceLineEndings("\n"), mail.Body.ReplaceLineEndings("\n"));
        var body = JsonDocument.Parse(mail.Body).RootElement;
        Assert.Equal(("73522", "chat", "completed"), (body.GetProperty("sessionId").GetString(), body.GetProperty("channel").GetString(), body.GetProperty("status").GetString()));
        Assert.Equal("1234", body.GetProperty("queue").GetProperty("id").GetString());
        Assert.StartsWith("text/plain", mail.Parts[0].ContentType, StringComparison.Ordinal);

        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("chat-73522.txt", attachment.FileName);
        Assert.StartsWith("text/plain", attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal(await harness.TextAsync("ujet-chat-transcripts/chat-73522.txt"), attachment.Text);
        Assert.Contains("Agent kim@example.com: Hi, I'm Kim. Your parcel ships today.", attachment.Text, StringComparison.Ordinal);
        Assert.Contains("ujet-chat-transcripts/chat-73522.txt", exported.Written);
    }

    [Theory]
    [InlineData("abandoned")]
    [InlineData("timeout")]
    public async Task Abandoned_and_failed_sessions_send_nothing(string result)
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        await harness.Settings.SetQueueAsync(harness.Tenant, "12", enabled: true, Queue);

        await harness.ExportAsync(WebitelCall(harness.Timeline, result));

        var status = JsonDocument.Parse(await harness.TextAsync($"ujet-metadata/call-{WebitelMember}.json")).RootElement.GetProperty("status").GetString();
        Assert.Equal(result == "abandoned" ? "abandoned" : "failed", status);
        Assert.Equal(0, sink.Transactions);
        Assert.Null(await harness.HistoryAsync("call", WebitelMember));
        Assert.Empty(harness.Scheduler.Work);
    }

    [Fact]
    public async Task A_chat_nobody_answered_is_abandoned_and_sends_nothing()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        var timeline = harness.Timeline;

        await harness.ExportAsync(
            timeline.Ccai(0, "New_Chat", """{"chat_id":9,"session_type":"Messaging Inbound (Web Chat)","queue_id":7678}"""),
            timeline.Ccai(20, "Chat_Inbound_Message", """{"chat_id":9,"message":"Hello?"}"""),
            timeline.Ccai(60, "End_Chat", """{"chat_id":9,"agent_id":null}"""));

        Assert.Equal(0, sink.Transactions);
    }

    [Fact]
    public async Task A_server_answering_451_then_250_is_retried_2_seconds_later_and_both_attempts_are_logged()
    {
        await using var sink = SmtpSink.Start(rejectFirst: 1);
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        var firstAt = harness.Time.GetUtcNow();

        await harness.ExportAsync(WebitelCall(harness.Timeline));

        Assert.Empty(sink.Messages);
        var afterFirst = await harness.HistoryAsync("call", WebitelMember);
        Assert.Equal((DeliveryState.Retrying, 451, firstAt.AddSeconds(2)), (afterFirst!.Delivery.State, afterFirst.Delivery.LastStatusCode, afterFirst.Delivery.NextRetryAt));
        Assert.Contains("451", afterFirst.Attempts[0].ErrorMessage, StringComparison.Ordinal);

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var (work, at) = await harness.RunScheduledAsync();

        Assert.Equal((SessionEmailJob.WorkKind, firstAt.AddSeconds(2)), (work.Kind, at));
        var mail = Assert.Single(sink.Messages);
        Assert.Equal([Global], mail.Recipients);
        Assert.Equal(2, sink.Transactions);
        var history = await harness.HistoryAsync("call", WebitelMember);
        Assert.Equal(DeliveryState.Delivered, history!.Delivery.State);
        Assert.Equal([(1, 451, DeliveryState.Retrying), (2, 250, DeliveryState.Delivered)], history.Attempts.Select(a => (a.Attempt, a.StatusCode ?? 0, a.State)));
        Assert.Empty(harness.Scheduler.Work);
    }

    [Fact]
    public async Task Transient_failures_stop_after_the_configured_retries_and_a_permanent_reply_is_not_retried()
    {
        await using var busy = SmtpSink.Start(rejectFirst: 10);
        await using var harness = await EmailHarness.CreateAsync(azurite, busy, new Dictionary<string, string?> { ["Email:Attempts"] = "1" });
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        await using var refusing = SmtpSink.Start(rejectFirst: 10, rejectWith: "550 5.7.1 Rejected");
        await using var permanent = await EmailHarness.CreateAsync(azurite, refusing);
        await permanent.Settings.SetGlobalAsync(permanent.Tenant, enabled: true, Global);

        await harness.ExportAsync(WebitelCall(harness.Timeline));
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.RunScheduledAsync();
        await permanent.ExportAsync(WebitelCall(permanent.Timeline));

        var history = await harness.HistoryAsync("call", WebitelMember);
        Assert.Equal((DeliveryState.Failed, 2, 2), (history!.Delivery.State, history.Delivery.Attempts, busy.Transactions));
        Assert.Empty(harness.Scheduler.Work);
        var refused = await permanent.HistoryAsync("call", WebitelMember);
        Assert.Equal((DeliveryState.Failed, 1, 550), (refused!.Delivery.State, refused.Delivery.Attempts, refused.Delivery.LastStatusCode));
        Assert.Empty(permanent.Scheduler.Work);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_error_and_retried()
    {
        int port;
        await using (var closed = SmtpSink.Start())
        {
            port = closed.Port;
        }

        await using var harness = await EmailHarness.CreateAsync(azurite, sink: null, new Dictionary<string, string?> { ["Email:Host"] = "127.0.0.1", ["Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);

        await harness.ExportAsync(WebitelCall(harness.Timeline));

        var history = await harness.HistoryAsync("call", WebitelMember);
        Assert.Equal((DeliveryState.Retrying, AttemptError.Connection), (history!.Delivery.State, history.Delivery.LastError));
        Assert.Single(harness.Scheduler.Work);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_is_retried()
    {
        // Accepts connections and says nothing, not even the greeting.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
            await using var harness = await EmailHarness.CreateAsync(azurite, sink: null, new Dictionary<string, string?>
            {
                ["Email:Host"] = "127.0.0.1",
                ["Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Timeout"] = "00:00:01",
            });
            await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);

            await harness.ExportAsync(WebitelCall(harness.Timeline));

            var history = await harness.HistoryAsync("call", WebitelMember);
            Assert.Equal((DeliveryState.Retrying, AttemptError.Timeout), (history!.Delivery.State, history.Delivery.LastError));
            Assert.Single(harness.Scheduler.Work);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Sending_is_idempotent_per_session_across_re_exports_and_repeated_jobs()
    {
        await using var sink = SmtpSink.Start(rejectFirst: 1);
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        var events = WebitelCall(harness.Timeline);

        await harness.ExportAsync(events);

        // The export runs again (a redelivered job) while the retry is pending: nothing is sent, the retry is rescheduled.
        await harness.ExportAsync(events);
        Assert.Equal(1, sink.Transactions);
        var retry = harness.Scheduler.Take();
        var again = harness.Scheduler.Take();
        Assert.Equal(retry.Work.Id, again.Work.Id);

        await harness.WorkHandler.RunAsync(retry.Work, harness.Scheduler, CancellationToken.None);
        await harness.WorkHandler.RunAsync(again.Work, harness.Scheduler, CancellationToken.None);
        await harness.ExportAsync(events);

        Assert.Single(sink.Messages);
        Assert.Equal(2, sink.Transactions);
        Assert.Equal(2, (await harness.HistoryAsync("call", WebitelMember))!.Attempts.Count);
        Assert.Empty(harness.Scheduler.Work);
    }

    [Fact]
    public async Task Exports_of_one_session_running_at_once_send_one_email()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        await harness.TrackAsync(WebitelCall(harness.Timeline));

        // As when a session's events are processed concurrently and each journaled after the end schedules the export.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.ExportAsync("call", WebitelMember))));
        harness.Time.Advance(harness.Options.Timeout + TimeSpan.FromMinutes(1));
        while (!harness.Scheduler.Work.IsEmpty)
        {
            await harness.RunScheduledAsync();
        }

        Assert.Single(sink.Messages);
        Assert.Equal(1, sink.Transactions);
        Assert.Single((await harness.HistoryAsync("call", WebitelMember))!.Attempts);
    }

    [Fact]
    public async Task An_attempt_claimed_by_a_run_that_died_is_taken_over_once_the_claim_is_stale()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);
        await harness.TrackAsync(WebitelCall(harness.Timeline));
        var deliveryId = SessionEmailJob.DeliveryIdFor(new Switchboard.Sessions.SessionKey(harness.Tenant, "call", WebitelMember));
        var lease = harness.Options.Timeout + TimeSpan.FromMinutes(1);
        var claimedAt = harness.Time.GetUtcNow();
        Assert.Null(await harness.Claims.TryClaimAsync(harness.Tenant, deliveryId, 1, lease));

        await harness.ExportAsync("call", WebitelMember);

        Assert.Equal(0, sink.Transactions);
        var (_, at) = Assert.Single(harness.Scheduler.Work);
        Assert.Equal(claimedAt + lease, at);

        harness.Time.Advance(lease);
        await harness.RunScheduledAsync();

        Assert.Equal([Global], Assert.Single(sink.Messages).Recipients);
        Assert.Equal(DeliveryState.Delivered, (await harness.HistoryAsync("call", WebitelMember))!.Delivery.State);
    }

    [Fact]
    public async Task With_no_Email_Host_nothing_is_sent_or_logged()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await EmailHarness.CreateAsync(azurite, sink: null);
        await harness.Settings.SetGlobalAsync(harness.Tenant, enabled: true, Global);

        await harness.ExportAsync(WebitelCall(harness.Timeline));

        Assert.False(harness.Options.Enabled);
        Assert.Equal(0, sink.Transactions);
        Assert.Null(await harness.HistoryAsync("call", WebitelMember));
    }
}
