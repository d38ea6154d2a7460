using System.Text.Json;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Settings;
using Switchboard.Crm.Sync;
using Switchboard.Delivery;
using Switchboard.Email;
using Switchboard.Sessions;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Crm.Sync;

/// <summary>The CRM sync's flows one by one: finding accounts (by id with its 404 fallback, by query), records, retries, failures, the lease.</summary>
public sealed class CrmSessionSyncTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string NewCall = """{"call_id":7001,"agent_id":1,"agent_email":"kim@example.com","queue_path":"Sales","end_user_phone":"2223334444","end_user_email":"jane@example.com","crm_account_id":"acc-9"}""";

    private static SessionKey Session(CrmHarness harness) => new(harness.Tenant, "call", "7001");

    /// <summary>The example settings with find-by-id on, and record and post-call endpoints off unless asked.</summary>
    private static CrmSettings Accounts(CrmHarness harness, bool records = false)
    {
        var settings = harness.Settings();
        return settings with
        {
            Endpoints = records ? settings.Endpoints : settings.Endpoints with { FindRecordByQuery = null, CreateRecord = null, UpdateRecord = null, UploadFile = null, Comment = null },
        };
    }

    [Fact]
    public async Task Find_by_id_uses_the_known_account_and_skips_the_query()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/acc-9", 200, """{"id":"acc-9","name":"Jane"}""");
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall));

        Assert.Equal(["GET /api/accounts/acc-9"], harness.Crm.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.Equal("acc-9", (await harness.Sessions.GetAsync(Session(harness)))!.AccountId);
    }

    [Fact]
    public async Task A_404_from_find_by_id_falls_back_to_the_query_which_finds_the_account()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/acc-9", 404, """{"error":"not found"}""")
            .On("GET", "api/accounts/search", 200, """{"data":[{"id":77,"phone":"+12223334444"},{"id":78}]}""");
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall));

        Assert.Equal(
            ["GET /api/accounts/acc-9", "GET /api/accounts/search?criteria=%28Phone%3Aequals%3A%2B12223334444%29%20or%20%28Email%3Aequals%3Ajane%40example.com%29"],
            harness.Crm.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        var state = await harness.Sessions.GetAsync(Session(harness));
        Assert.Equal(("77", true), (state!.AccountId, state.AccountIdIsNumber));

        // The 404 is an answer ("no such account"), not a dead letter.
        Assert.All(await harness.CrmDeliveriesAsync(), d => Assert.Equal(DeliveryState.Delivered, d.State));
    }

    [Fact]
    public async Task Without_a_known_id_the_query_runs_and_when_it_finds_nothing_the_account_is_created()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/search", 404)
            .On("POST", "api/accounts", 201, """{"data":[{"id":"new-1"}]}""");
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall.Replace(",\"crm_account_id\":\"acc-9\"", string.Empty, StringComparison.Ordinal)));

        Assert.Equal(["GET", "POST"], harness.Crm.Requests.Select(r => r.Method));
        Assert.Equal("new-1", (await harness.Sessions.GetAsync(Session(harness)))!.AccountId);
    }

    [Fact]
    public async Task A_400_is_retried_with_exponential_backoff_and_the_flow_goes_on_when_it_succeeds()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        var creations = 0;
        harness.Crm.On("GET", "api/accounts/search", 200, "[]")
            .On("POST", "api/accounts", _ => Interlocked.Increment(ref creations) <= 2 ? new FakeAnswer(400, """{"error":"locked"}""") : new FakeAnswer(201, """{"data":[{"id":5}]}"""));
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall.Replace(",\"crm_account_id\":\"acc-9\"", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(CrmHarness.Start + TimeSpan.FromSeconds(30), harness.NextDue);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.DrainAsync();
        Assert.Equal(CrmHarness.Start + TimeSpan.FromSeconds(90), harness.NextDue);
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await harness.DrainAsync();

        Assert.Equal(3, harness.Crm.Calls("POST", "api/accounts").Count);
        Assert.Single(harness.Crm.Calls("GET", "api/accounts/search"));
        Assert.Null(harness.NextDue);
        var create = Assert.Single(await harness.CrmDeliveriesAsync(), d => d.Target == "create-account");
        Assert.Equal((DeliveryState.Delivered, 3, CrmHarness.Start), (create.State, create.Attempts, create.FirstAttemptAt));
        Assert.Equal("5", (await harness.Sessions.GetAsync(Session(harness)))!.AccountId);
    }

    [Fact]
    public async Task A_400_that_persists_is_retried_for_a_week_then_is_a_dead_letter()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/search", 200, "[]").On("POST", "api/accounts", 400);
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall.Replace(",\"crm_account_id\":\"acc-9\"", string.Empty, StringComparison.Ordinal)));
        var expected = new List<DateTimeOffset> { CrmHarness.Start };
        while (harness.NextDue is { } due)
        {
            harness.Time.Advance(due - harness.Time.GetUtcNow());
            expected.Add(due);
            await harness.DrainAsync();
        }

        // The schedule is the exponential policy's: 30 s doubling, each delay capped at 6 h, within 7 days of the first.
        var delays = expected.Zip(expected.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[1]);
        Assert.Equal(TimeSpan.FromHours(6), delays[^1]);
        Assert.True(expected[^1] - CrmHarness.Start <= TimeSpan.FromDays(7));
        Assert.True(expected[^1] + TimeSpan.FromHours(6) - CrmHarness.Start > TimeSpan.FromDays(7));
        Assert.Equal(expected.Count, harness.Crm.Calls("POST", "api/accounts").Count);
        var create = Assert.Single(await harness.CrmDeliveriesAsync(), d => d.Target == "create-account");
        Assert.Equal((DeliveryState.Failed, expected.Count, 400), (create.State, create.Attempts, create.LastStatusCode));
    }

    [Fact]
    public async Task Other_errors_are_not_retried_and_stop_what_depends_on_them()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/search", 200, "[]").On("POST", "api/accounts", 500, """{"error":"boom"}""");
        await harness.ConfigureAsync(Accounts(harness, records: true));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall.Replace(",\"crm_account_id\":\"acc-9\"", string.Empty, StringComparison.Ordinal)));
        await harness.ProcessAsync(harness.Ccai(60, "End_Call", """{"call_id":7001}"""));

        Assert.Equal(["GET", "POST"], harness.Crm.Requests.Select(r => r.Method));
        Assert.Null(harness.NextDue);
        var create = Assert.Single(await harness.CrmDeliveriesAsync(), d => d.Target == "create-account");
        Assert.Equal((DeliveryState.Failed, 500, """{"error":"boom"}"""), (create.State, create.LastStatusCode, (await harness.Log.GetHistoryAsync(harness.Tenant, create.DeliveryId))!.Attempts[0].ResponseExcerpt));
    }

    [Fact]
    public async Task A_created_account_without_an_id_in_the_response_is_a_failure_saying_where_it_looked()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/search", 200, "[]").On("POST", "api/accounts", 201, """{"data":[]}""");
        await harness.ConfigureAsync(Accounts(harness));

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall.Replace(",\"crm_account_id\":\"acc-9\"", string.Empty, StringComparison.Ordinal)));

        var create = Assert.Single(await harness.CrmDeliveriesAsync(), d => d.Target == "create-account");
        Assert.Equal(DeliveryState.Failed, create.State);
        Assert.Equal("The CRM accepted the request but its response holds no account id at 'data[0]'.", create.LastErrorMessage);
    }

    [Fact]
    public async Task A_record_found_by_query_is_reused_when_records_are_reused_and_ignored_when_not()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/acc-9", 200, """{"id":"acc-9"}""")
            .On("GET", "api/records", 200, """{"records":[{"id":900,"subject":"Earlier call"}]}""")
            .On("POST", "api/records", 201, """{"record":{"id":901}}""")
            .On("POST", "api/records/*/comments", 201, "{}");
        var settings = harness.Settings();
        var find = new CrmEndpoint { Url = harness.Crm.Url("api/records"), Method = "GET", Parameters = [new() { Name = "contact", Value = "{ACCOUNT_ID}" }], ResponseDataLocation = "records" };
        await harness.ConfigureAsync(settings with { ReuseRecords = true, Endpoints = settings.Endpoints with { FindRecordByQuery = find } });

        await harness.ProcessAsync(harness.Ccai(0, "New_Call", NewCall));
        await harness.ConfigureAsync(settings with { ReuseRecords = false, Endpoints = settings.Endpoints with { FindRecordByQuery = find } });
        await harness.ProcessAsync(harness.Ccai(100, "New_Call", NewCall.Replace("7001", "7002", StringComparison.Ordinal)));

        Assert.Equal(
            ["GET /api/accounts/acc-9", "GET /api/records?contact=acc-9", "POST /api/records/900/comments", "GET /api/accounts/acc-9", "POST /api/records", "POST /api/records/901/comments"],
            harness.Crm.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.Equal("acc-9", harness.Crm.Calls("POST", "api/records").Single().Json.GetProperty("record").GetProperty("contactId").GetString());
    }

    [Fact]
    public async Task A_chat_uploads_its_transcript_base64_encoded_with_an_html_comment()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/search", 200, """{"data":{"id":3}}""")
            .On("POST", "api/records", 201, """{"record":{"id":"r-1"}}""")
            .On("POST", "api/records/r-1/comments", 201, "{}")
            .On("PATCH", "api/records/r-1", 204)
            .On("PUT", "api/records/r-1/files", 200, """{"file":{"href":"https://files.example.com/r-1/chat-73522.txt"}}""");
        var settings = harness.Settings();
        var upload = new CrmUploadEndpoint
        {
            Url = harness.Crm.Url("api/records/{RECORD_ID}/files"),
            Method = "PUT",
            UploadType = CrmUploadEndpoint.Base64,
            Files = [CrmUploadEndpoint.Transcripts, CrmUploadEndpoint.Recordings],
            Parameters = [new() { Name = "content", Value = "{FILE_DATA}" }, new() { Name = "fileName", Value = "{FILE_NAME}" }, new() { Name = "record", Value = "{RECORD_ID}" }],
            DataFormat = CrmEndpoint.Container,
            ContainerType = CrmEndpoint.MapContainer,
            ContainerName = "attachment",
            AttachmentType = CrmUploadEndpoint.AttachmentUrl,
            AttachmentUrlLocation = "file.href",
            AddComment = true,
        };
        await harness.ConfigureAsync(settings with
        {
            Endpoints = settings.Endpoints with { UploadFile = upload, Comment = settings.Endpoints.Comment! with { ConvertToHtml = true } },
        });

        await harness.ProcessAsync(harness.Ccai(0, "New_Chat", """{"chat_id":73522,"agent_id":1,"agent_email":"ariel@example.com","end_user_email":"sam@example.com"}"""));
        await harness.ProcessAsync(harness.Ccai(10, "Chat_Inbound_Message", """{"chat_id":73522,"message":"Where is my <parcel>?"}"""));
        await harness.ProcessAsync(harness.Ccai(20, "End_Chat", """{"chat_id":73522,"agent_id":1}"""));
        harness.Time.Advance(TimeSpan.FromMinutes(16));
        await harness.ExportDueAsync();
        await harness.DrainAsync();

        var put = Assert.Single(harness.Crm.Calls("PUT", "api/records/r-1/files"));
        var attachment = put.Json.GetProperty("attachment");
        Assert.Equal(("chat-73522.txt", "r-1"), (attachment.GetProperty("fileName").GetString(), attachment.GetProperty("record").GetString()));
        Assert.Equal(
            "2024-06-01T12:00:10Z End user: Where is my <parcel>?\n",
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!)));
        var comments = harness.Crm.Calls("POST", "api/records/r-1/comments").Select(c => c.Json.GetProperty("comment").GetString()).ToList();
        Assert.Equal("<p>Chat 73522 started, answered by ariel@example.com.</p>", comments[0]);
        Assert.Equal("<p>Uploaded chat-73522.txt: https://files.example.com/r-1/chat-73522.txt</p>", comments[^1]);
    }

    [Fact]
    public async Task A_run_that_finds_the_session_held_calls_nothing_and_comes_back_when_the_lease_ends()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        harness.Crm.On("GET", "api/accounts/acc-9", 200, """{"id":"acc-9"}""");
        await harness.ConfigureAsync(Accounts(harness));
        await harness.Process.RunAsync(harness.Ccai(0, "New_Call", NewCall), harness.Scheduler);
        var (held, _) = await harness.Sessions.AcquireAsync(Session(harness), TimeSpan.FromMinutes(2));
        Assert.NotNull(held);

        await harness.Scheduler.RunDueAsync(harness.Work, harness.Time, CrmWork.Kind, SessionEmailJob.WorkKind);

        Assert.Empty(harness.Crm.Requests);
        Assert.Equal(CrmHarness.Start + TimeSpan.FromMinutes(2), harness.NextDue);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.DrainAsync();
        Assert.Single(harness.Crm.Requests);
    }

    [Fact]
    public async Task Tenants_without_active_settings_and_events_without_news_schedule_nothing()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);

        await harness.Process.RunAsync(harness.Ccai(0, "New_Call", NewCall), harness.Scheduler);
        await harness.ConfigureAsync(harness.Settings() with { Enabled = false });
        await harness.Process.RunAsync(harness.Ccai(1, "New_Call", NewCall), harness.Scheduler);
        await harness.ConfigureAsync();
        await harness.Process.RunAsync(harness.Ccai(2, "Call_Redaction_Started", """{"call_id":7001,"agent_id":1}"""), harness.Scheduler);

        Assert.Null(harness.NextDue);
    }

    [Fact]
    public async Task Session_facts_fill_the_documented_variables_and_leave_unknown_ones_empty()
    {
        await using var harness = await CrmHarness.StartAsync(azurite);
        var events = new[]
        {
            harness.Ccai(0, "New_Call", """
                {"call_id":7001,"agent_id":1,"agent_custom_id":"007","agent_email":"kim@example.com","queue_id":8469,"queue_path":"Orders / Confirm / Info",
                 "session_type":"Voice Inbound","end_user_name":"Jane Q Doe","end_user_phone":"+1 (222) 333-4444","end_user_email":"jane.doe@example.com",
                 "end_user_id":"u-1","lang":"it","menu_id":"m-3","device_type":"ios","sdk_identifier":"sdk-1","outbound_number":"2225550000"}
                """),
            harness.Ccai(125, "End_Call", """{"call_id":7001,"disconnected_by":"end_user","rating":4}"""),
        };
        var session = Session(harness);
        var metadata = new SessionMetadataBuilder(harness.Time).Build(session, events);

        var values = CrmSessionFacts.From(session, events, metadata).ToValues(CrmPhoneFormat.UsLocalStandard, search: false).ToDictionary();

        Assert.Equal("1", values["AGENT_ID"]);
        Assert.Equal("007", values["AGENT_CUSTOM_ID"]);
        Assert.Equal("kim@example.com", values["AGENT_EMAIL"]);
        Assert.Equal(("Jane Q Doe", "Jane", "Q Doe"), (values["NAME"], values["FIRST_NAME"], values["LAST_NAME"]));
        Assert.Equal(("u-1", "jane.doe@example.com", "jane.doe"), (values["UJET_ID"], values["EMAIL"], values["CUSTOM_USER_ID"]));
        Assert.Equal(("(222) 333-4444", "(222) 555-0000"), (values["PHONE_NUMBER"], values["OUTBOUND_PHONE_NUMBER"]));
        Assert.Equal(("7001", "7001"), (values["CALL_ID"], values["SESSION_ID"]));
        Assert.Equal(("Orders / Confirm / Info", "Info", "8469"), (values["MENU_PATH"], values["QUEUE_NAME"], values["QUEUE_ID"]));
        Assert.Equal(("it", "ios", "end_user", "sdk-1"), (values["LANG"], values["DEVICE_TYPE"], values["DISCONNECTED_BY"], values["SDK_IDENTIFIER"]));
        Assert.Equal(("4", "02:05", "voice_call", "Voice Inbound"), (values["RATING"], values["CALL_DURATION"], values["CHANNEL"], values["SESSION_TYPE"]));
        Assert.Equal("Call 7001 from Jane Q Doe · Orders / Confirm / Info", values["TICKET_SUBJECT"]);
        Assert.StartsWith("<p>Call 7001 (Voice Inbound)<br>Queue: Orders / Confirm / Info<br>", values["TICKET_DESCRIPTION_HTML"], StringComparison.Ordinal);
        foreach (var unknown in new[] { "CHAT_ID", "FEEDBACK", "HOLD_TIME", "WAIT_TIME", "SDK_NAME", "SDK_EMAIL", "SDK_PHONE", "SMART_ACTION_SESSION_ID", "ACCOUNT_ID", "RECORD_ID", "COMMENT_BODY", "FILE_DATA" })
        {
            Assert.False(values.ContainsKey(unknown), unknown);
        }

        var single = CrmSessionFacts.From(session, [events[0] with { Data = JsonDocument.Parse("""{"type":"New_Call","data":{"call_id":7001,"end_user_name":"Prince"}}""").RootElement }], metadata with { EndUser = null });
        Assert.Equal("--", single.ToValues(CrmPhoneFormat.E164, false)["LAST_NAME"]);
    }
}
