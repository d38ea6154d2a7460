using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>CCAI agent-adapter events ("CRM personalizzato"): every printed example, the bare redaction body and the archive events.</summary>
public sealed class CcaiAdapterTests
{
    public static readonly TheoryData<string, Expectation> Examples = new()
    {
        { PrintedPayloads.CcaiAgentLogin, new("Agent_Login", null, null, null, "1", "Kim@example.com", null, null) },
        { PrintedPayloads.CcaiNewCall, new("New_Call", SessionLifecycle.Started, "103646", SessionChannels.Call, "1", "Kim@example.com", "8469", "Developers / Kim") },
        { PrintedPayloads.CcaiEndCall, new("End_Call", SessionLifecycle.Ended, "103646", SessionChannels.Call, "1", "Kim@example.com", "8469", "Developers / Kim") },
        { PrintedPayloads.CcaiNewChat, new("New_Chat", SessionLifecycle.Started, "73522", SessionChannels.Chat, "1", "ariel@example.com", "7678", "HB TEAM / Ariel") },
        { PrintedPayloads.CcaiEndChat, new("End_Chat", SessionLifecycle.Ended, "73522", SessionChannels.Chat, "1", "ariel@example.com", null, null) },
        { PrintedPayloads.CcaiActiveChat, new("Active_Chat", SessionLifecycle.Updated, "73521", SessionChannels.Chat, "1", "ariel@example.com", "7678", "HB TEAM / Ariel") },
        { PrintedPayloads.CcaiChatInboundMessage, new("Chat_Inbound_Message", SessionLifecycle.Updated, "73522", SessionChannels.Chat, "1", "ariel@example.com", "7678", "HB TEAM / Ariel") },
        { PrintedPayloads.CcaiChatOutboundMessage, new("Chat_Outbound_Message", SessionLifecycle.Updated, "73522", SessionChannels.Chat, "1", "ariel@example.com", "7678", "HB TEAM / Ariel") },
        { PrintedPayloads.CcaiDismissedChat, new("Dismissed_Chat", SessionLifecycle.Updated, "73522", SessionChannels.Chat, "1", "ariel@example.com", null, null) },
        { PrintedPayloads.CcaiCobrowseSessionStarted, new("Cobrowse_Session_Started", SessionLifecycle.Updated, "791", SessionChannels.Chat, "5", null, null, null) },
        { PrintedPayloads.CcaiCobrowseSessionRemoteControlChanged, new("Cobrowse_Session_Remote_Control_Changed", SessionLifecycle.Updated, "791", SessionChannels.Chat, "5", null, null, null) },
        { PrintedPayloads.CcaiCobrowseSessionFullDeviceChanged, new("Cobrowse_Session_Full_Device_Changed", null, null, null, "5", null, null, null) },
        { PrintedPayloads.CcaiCobrowseSessionEnded, new("Cobrowse_Session_Ended", null, null, null, "5", null, null, null) },
        { PrintedPayloads.CcaiPartyAdded, new("Party_Added", SessionLifecycle.Updated, "103646", SessionChannels.Chat, "1", "ariel@example.com", "8469", "Developers / Ariel") },
        { PrintedPayloads.CcaiAgentJoinedChat, new("Agent_Joined_Chat", SessionLifecycle.Updated, "103646", SessionChannels.Chat, "1", "ariel@example.com", "8469", "Developers / Ariel") },
        { PrintedPayloads.CcaiAgentLogout, new("Agent_Logout", null, null, null, "1", "ariel@example.com", null, null) },
        { PrintedPayloads.CcaiAgentAssistStarted, new("Agent_Assist_Started", null, null, null, "1", null, "65", null) },
        { WrittenPayloads.CcaiTransferChat, new("Transfer_Chat", SessionLifecycle.Updated, "103646", SessionChannels.Chat, "5", "ariel@example.com", "1234", "Schemes / Auric") },
        { WrittenPayloads.CcaiTransferCall, new("Transfer_Call", SessionLifecycle.Updated, "103646", SessionChannels.Call, "5", "ariel@example.com", "1234", "Schemes / Auric") },
        { WrittenPayloads.CcaiAgentJoinedCall, new("Agent_Joined_Call", SessionLifecycle.Updated, "103646", SessionChannels.Call, "5", "ariel@example.com", "8469", "Developers / Ariel") },
        { WrittenPayloads.CcaiCrmRecordPop, new("CRM_Record_Pop", SessionLifecycle.Updated, "103646", SessionChannels.Call, "1", null, null, null) },
        { WrittenPayloads.CcaiMediaUploaded, new("Media_Uploaded", SessionLifecycle.Updated, "73522", SessionChannels.Chat, null, null, null, null) },
        { WrittenPayloads.CcaiRecordingAvailable, new("Recording_Available", SessionLifecycle.Updated, "103646", SessionChannels.Call, null, null, null, null) },
        { WrittenPayloads.CcaiVoicemailAvailable, new("Voicemail_Available", SessionLifecycle.Updated, "103646", SessionChannels.Call, null, null, null, null) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_maps_to_the_table(string body, Expectation expected)
    {
        var e = Parse("ccai", body);

        Assert.Equal("ccai", e.Source);
        Assert.Equal(expected.Type, e.Type);
        Assert.Equal(expected.SessionId, e.Session?.Id);
        Assert.Equal(expected.Channel, e.Session?.Channel);
        Assert.Equal(expected.Lifecycle, e.Session?.Lifecycle);
        Assert.Equal(expected.AgentId, e.Agent?.Id);
        Assert.Equal(expected.AgentEmail, e.Agent?.Email);
        Assert.Equal(expected.QueueId, e.Queue?.Id);
        Assert.Equal(expected.QueuePath, e.Queue?.Name);
        Assert.Equal(ReceivedAt, e.OccurredAt);
        Assert.Empty(e.Flags);
        Assert.Equal(body, e.Data.GetRawText());
    }

    [Fact]
    public void The_Transfer_Chat_example_as_printed_lacks_commas_and_is_rejected_with_its_line()
    {
        var error = Reject("ccai", PrintedPayloads.CcaiTransferChatAsPrinted);

        Assert.Equal(EventParseProblem.NotJson, error.Kind);
        Assert.Equal("/data", error.Field);
        Assert.Contains("line 12", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bare_redaction_body_takes_its_name_from_the_type_hint()
    {
        var started = Parse("ccai", PrintedPayloads.CcaiCallRedactionStarted, typeHint: "Call_Redaction_Started");
        var stopped = Parse("ccai", PrintedPayloads.CcaiCallRedactionStopped, typeHint: "call_redaction_stopped");

        Assert.Equal("Call_Redaction_Started", started.Type);
        Assert.Equal("Call_Redaction_Stopped", stopped.Type);
        Assert.Equal(new EventSession { Id = "97939", Channel = SessionChannels.Call, Lifecycle = SessionLifecycle.Updated }, stopped.Session);
        Assert.Equal("2896", stopped.Agent?.Id);
        Assert.Empty(stopped.Flags);
    }

    [Fact]
    public void The_bare_redaction_body_without_a_hint_is_named_for_its_shape_and_flagged()
    {
        var e = Parse("ccai", PrintedPayloads.CcaiCallRedactionStarted);

        Assert.Equal("Call_Redaction", e.Type);
        Assert.Equal(new[] { EventFlags.TypeInferred }, e.Flags);
        Assert.Equal("97939", e.Session?.Id);
    }

    [Fact]
    public void A_type_hint_does_not_override_the_name_in_the_body()
    {
        var e = Parse("ccai", PrintedPayloads.CcaiEndCall, typeHint: "New_Call");

        Assert.Equal("End_Call", e.Type);
    }

    [Fact]
    public void Data_given_as_a_string_is_rejected()
    {
        var error = Reject("ccai", """{"type":"New_Call","data":"{\"call_id\":1}"}""");

        Assert.Equal(EventParseProblem.WrongFieldType, error.Kind);
        Assert.Equal("/data", error.Field);
    }

    [Fact]
    public void An_event_name_without_data_is_rejected()
    {
        var error = Reject("ccai", """{"type":"Agent_Login"}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/data", error.Field);
    }

    [Fact]
    public void A_body_naming_no_event_is_rejected()
    {
        var error = Reject("ccai", """{"agent_id":1,"agent_email":"kim@example.com"}""");

        Assert.Equal(EventParseProblem.MissingEventName, error.Kind);
        Assert.Equal("/type", error.Field);
    }

    [Theory]
    [InlineData("""{"type":"New_Call","data":{"agent_id":1}}""", "/data/call_id")]
    [InlineData("""{"type":"End_Chat","data":{"agent_id":1,"call_id":5}}""", "/data/chat_id")]
    [InlineData("""{"type":"Media_Uploaded","data":{"media_type":"photo","media_id":"p","url":"https://x.example/p.jpg"}}""", "/data/call_id")]
    public void Events_that_open_close_or_archive_a_session_must_name_it(string body, string field)
    {
        var error = Reject("ccai", body);

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("""{"type":"Media_Uploaded","data":{"call_id":1,"media_type":"audio","media_id":"p","url":"https://x.example/p"}}""", EventParseProblem.InvalidValue, "/data/media_type")]
    [InlineData("""{"type":"Media_Uploaded","data":{"call_id":1,"media_type":"video","url":"https://x.example/p"}}""", EventParseProblem.MissingField, "/data/media_id")]
    [InlineData("""{"type":"Recording_Available","data":{"call_id":1,"format":"ogg","url":"https://x.example/r"}}""", EventParseProblem.InvalidValue, "/data/format")]
    [InlineData("""{"type":"Voicemail_Available","data":{"call_id":1,"format":"wav"}}""", EventParseProblem.MissingField, "/data/url")]
    [InlineData("""{"type":"Voicemail_Available","data":{"call_id":1,"format":"wav","url":"/relative/vm.wav"}}""", EventParseProblem.InvalidValue, "/data/url")]
    [InlineData("""{"type":"Recording_Available","data":{"call_id":1,"format":"mp3","url":"file:///etc/passwd"}}""", EventParseProblem.InvalidValue, "/data/url")]
    public void Archive_events_must_carry_valid_file_fields(string body, EventParseProblem kind, string field)
    {
        var error = Reject("ccai", body);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_unknown_event_keeps_its_name_and_session_with_no_lifecycle()
    {
        var e = Parse("ccai", """{"type":"Call_Parked","data":{"call_id":5,"agent_id":1}}""");

        Assert.Equal("Call_Parked", e.Type);
        Assert.Equal(new EventSession { Id = "5", Channel = SessionChannels.Call, Lifecycle = null }, e.Session);
    }

    [Fact]
    public void Event_names_match_case_insensitively()
    {
        var e = Parse("ccai", """{"type":"new_chat","data":{"chat_id":1}}""");

        Assert.Equal("New_Chat", e.Type);
    }

    /// <summary>What an example must map to.</summary>
    public sealed record Expectation(
        string Type,
        SessionLifecycle? Lifecycle,
        string? SessionId,
        string? Channel,
        string? AgentId,
        string? AgentEmail,
        string? QueueId,
        string? QueuePath);

    [Theory]
    [InlineData("""{"type":"New_Call","data":{"call_id":true}}""", "/data/call_id")]
    [InlineData("""{"type":"New_Chat","data":{"chat_id":[1]}}""", "/data/chat_id")]
    public void A_session_id_that_is_not_a_string_or_number_is_rejected_naming_it(string body, string field)
    {
        var error = Reject("ccai", body);

        Assert.Equal((EventParseProblem.WrongFieldType, field), (error.Kind, error.Field));
    }
}
