using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Tests.Events;
using static Switchboard.Tests.Sessions.EventTimeline;

namespace Switchboard.Tests.Sessions;

/// <summary>The fold itself, without storage: events parsed by the real adapters, a fixed clock.</summary>
public sealed class SessionMetadataBuilderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero));
    private static readonly SessionMetadataBuilder Builder = new(Clock);
    private readonly EventTimeline timeline = new("default");

    [Fact]
    public void Cobrowse_sessions_rating_and_disposition_are_folded_from_their_events()
    {
        var chat = new SessionKey("default", "chat", "791");
        var metadata = Builder.Build(chat,
        [
            timeline.Ccai(0, "New_Chat", """{"chat_id":791,"agent_id":5,"agent_email":"ariel@example.com"}"""),
            timeline.Ccai(10, "Cobrowse_Session_Started", """{"agent_id":5,"chat_id":791,"cobrowse_session_id":"Y1zYY6XIYX4oapqpEz3qHw","cobrowse_session_requested_by":"agent","cobrowse_session_remote_control":"off","cobrowse_session_full_device":"off"}"""),
            timeline.Ccai(20, "Cobrowse_Session_Remote_Control_Changed", """{"agent_id":5,"chat_id":791,"cobrowse_session_id":"Y1zYY6XIYX4oapqpEz3qHw","cobrowse_session_remote_control":"on"}"""),
            timeline.Ccai(30, "Cobrowse_Session_Ended", """{"agent_id":5,"chat_id":791,"cobrowse_session_id":"Y1zYY6XIYX4oapqpEz3qHw","cobrowse_session_ended_by":"end_user"}"""),
            timeline.Ccai(40, "End_Chat", """{"chat_id":791,"agent_id":5}"""),

            // Names the vendor document does not list pass through the adapter with their fields: a CSAT survey, a
            // wrap-up code.
            timeline.Ccai(50, "CSAT_Saved", """{"chat_id":791,"rating":5,"feedback":"the agent was great!"}"""),
            timeline.Ccai(55, "Disposition_Saved", """{"chat_id":791,"disposition_code":"SOLVED","disposition_notes":"refund sent"}"""),
        ]);

        var cobrowse = Assert.Single(metadata.CobrowseSessions);
        Assert.Equal(
            new SessionCobrowse { Id = "Y1zYY6XIYX4oapqpEz3qHw", StartedAt = At(10), EndedAt = At(30), RequestedBy = "agent", EndedBy = "end_user", RemoteControl = "on", FullDevice = "off" },
            cobrowse);
        Assert.Equal(new SessionRating { Score = "5", Feedback = "the agent was great!" }, metadata.Rating);
        Assert.Equal(("SOLVED", "refund sent"), (metadata.Disposition?.Code, metadata.Disposition?.Notes));
        Assert.Equal(At(40), metadata.EndedAt);
        Assert.Equal(At(55), metadata.Diagnostics.LastEventAt);
        Assert.Equal(Clock.GetUtcNow(), metadata.Diagnostics.GeneratedAt);
    }

    [Fact]
    public void A_chat_that_ends_without_an_agent_is_abandoned_and_an_open_one_has_no_status()
    {
        var chat = new SessionKey("default", "chat", "1");
        var inbound = timeline.Ccai(0, "Chat_Inbound_Message", """{"chat_id":1,"message":"anyone?"}""");

        var open = Builder.Build(chat, [inbound]);
        var abandoned = Builder.Build(chat, [inbound, timeline.Ccai(60, "End_Chat", """{"chat_id":1,"agent_id":null}""")]);

        Assert.Null(open.Status);
        Assert.Null(open.EndedAt);
        Assert.Equal(At(0), open.StartedAt);
        Assert.Equal(SessionOutcome.Abandoned, abandoned.Status);
        Assert.Empty(abandoned.Agents);
        Assert.Null(abandoned.HandleTimeSeconds);
        Assert.Equal(60, abandoned.DurationSeconds);
    }

    [Fact]
    public void The_order_events_are_given_in_does_not_matter()
    {
        var origin = "https://media.example.com/";
        var call = new SessionKey("default", "call", "103646");
        CanonicalEvent[] events =
        [
            timeline.Ccai(0, "New_Call", """{"call_id":103646,"agent_id":1,"queue_id":1,"queue_path":"A"}"""),
            timeline.Ccai(5, "Transfer_Call", """{"call_id":103646,"from_agent_id":1,"to_agent_id":2,"to_queue_id":2,"to_queue_path":"B"}"""),
            timeline.Ccai(6, "Recording_Available", $$"""{"call_id":103646,"format":"wav","url":"{{origin}}r.wav"}"""),
            timeline.Ccai(9, "End_Call", """{"call_id":103646,"agent_id":2}"""),
        ];

        var inOrder = Serialize(Builder.Build(call, events));
        var reversed = Serialize(Builder.Build(call, events.Reverse()));

        Assert.Equal(inOrder, reversed);
        var metadata = Builder.Build(call, events);
        Assert.Equal("B", metadata.Queue?.Name);

        // The transfer's target joined with the transfer: no later event named them.
        Assert.Equal([("1", At(0)), ("2", At(5))], metadata.Agents.Select(a => (a.Id!, a.JoinedAt!.Value)));
        Assert.Equal("ujet-voice-recordings/call-103646.wav", Assert.Single(metadata.Media).File);
    }

    [Fact]
    public void A_failed_media_copy_is_marked_in_the_media_list()
    {
        var call = new SessionKey("default", "call", "7");
        var recording = timeline.Ccai(1, "Recording_Available", """{"call_id":7,"format":"mp3","url":"https://media.example.com/7.mp3"}""");
        var failure = new MediaCopyFailure { File = "ujet-voice-recordings/call-7.mp3", EventId = recording.Id, Error = "status", Message = "404", StatusCode = 404 };

        var metadata = Builder.Build(call, [recording], [failure]);

        Assert.False(Assert.Single(metadata.Media).Archived);
        Assert.Equal(failure, Assert.Single(metadata.Diagnostics.MediaCopyFailures));
    }

    [Fact]
    public void A_redaction_posted_without_its_name_is_recorded_as_unknown_with_the_adapter_s_flag()
    {
        var call = new SessionKey("default", "call", "97939");

        var metadata = Builder.Build(call, [timeline.Parse("ccai", """{"agent_id":2896,"call_id":97939}""", 3)]);

        Assert.Equal(new SessionRedaction { Action = "unknown", At = At(3), AgentId = "2896" }, Assert.Single(metadata.Redactions));
        Assert.Equal([EventFlags.TypeInferred], metadata.Diagnostics.Flags);
    }

    [Fact]
    public void A_videsk_session_takes_its_agent_and_values()
    {
        var call = new SessionKey("default", "call", "6651f0c2a1b3");

        var metadata = Builder.Build(call, [timeline.Parse("videsk", WrittenPayloads.VideskTemplateRendered, 0)]);

        Assert.Equal((SessionOutcome?)SessionOutcome.Abandoned, metadata.Status);
        Assert.Equal("Ana", metadata.CustomData["customerName"].GetString());
        Assert.Equal("Ventas", metadata.Queue?.Name);
        Assert.Equal("videsk", metadata.Source);
    }

    [Fact]
    public void The_transcript_is_one_line_per_message_and_absent_without_messages()
    {
        CanonicalEvent[] events =
        [
            timeline.Ccai(1, "Chat_Outbound_Message", """{"chat_id":1,"agent_id":5,"message":"two\r\nlines"}"""),
            timeline.Ccai(0, "Chat_Inbound_Message", """{"chat_id":1,"message":"Привет <b>"}"""),
        ];

        Assert.Equal("2024-06-01T12:00:00Z End user: Привет <b>\n2024-06-01T12:00:01Z Agent 5: two lines\n", SessionTranscript.Render(events));
        Assert.Null(SessionTranscript.Render([timeline.Ccai(0, "New_Chat", """{"chat_id":1}""")]));
    }

    private static string Serialize(SessionMetadata metadata) => JsonSerializer.Serialize(metadata, SessionJsonContext.Files.SessionMetadata);
}
