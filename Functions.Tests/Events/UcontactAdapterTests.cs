using Switchboard.Events;
using Switchboard.Events.Ucontact;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>uContact webhooks ("Webhooks de notificación de eventos"): every printed example and the two events the document only describes.</summary>
public sealed class UcontactAdapterTests
{
    [Fact]
    public void AgentRingNoAnswer_example_maps_agent_and_campaign_and_keeps_the_payload()
    {
        var e = Parse("ucontact", PrintedPayloads.UcontactAgentRingNoAnswer);

        Assert.Equal("evt_0123456789abcdef0123456789abcdef", e.Id);
        Assert.Equal("ucontact", e.Source);
        Assert.Equal("AgentRingNoAnswer", e.Type);
        Assert.Equal("default", e.Tenant);
        Assert.Null(e.Session);
        Assert.Equal(new EventAgent { Id = "agentTest", Name = "Agente Test" }, e.Agent);
        Assert.Equal(new EventQueue { Id = "Demo<-", Name = "Demo<-" }, e.Queue);
        Assert.Equal(PrintedPayloads.UcontactAgentRingNoAnswer, e.Data.GetRawText());
    }

    [Theory]
    [InlineData(PrintedPayloads.UcontactAgentRingNoAnswer, "AgentRingNoAnswer", "agentTest")]
    [InlineData(PrintedPayloads.UcontactAgentLogin, "AgentLog", "agentTest")]
    [InlineData(PrintedPayloads.UcontactAgentLogoff, "AgentLog", "agentTest")]
    [InlineData(PrintedPayloads.UcontactAgentBreak, "AgentBreak", "AgentTest")]
    [InlineData(PrintedPayloads.UcontactAgentUnbreak, "AgentBreak", "ccass_sderi")]
    public void Documented_examples_with_impossible_dates_fall_back_to_the_receive_time_and_are_flagged(string body, string type, string agent)
    {
        var e = Parse("ucontact", body);

        Assert.Equal(type, e.Type);
        Assert.Equal(ReceivedAt, e.OccurredAt);
        Assert.Equal(new[] { EventFlags.DateUnparseable }, e.Flags);
        Assert.Null(e.Session);
        Assert.Equal(agent, e.Agent?.Id);
    }

    [Fact]
    public void FinishInteraction_ends_the_interaction_session_named_by_guid_on_its_channel()
    {
        var e = Parse("ucontact", WrittenPayloads.UcontactFinishInteraction);

        Assert.Equal("FinishInteraction", e.Type);
        Assert.Equal(
            new EventSession { Id = "9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f", Channel = SessionChannels.Chat, Lifecycle = SessionLifecycle.Ended },
            e.Session);
        Assert.Equal(new DateTimeOffset(2023, 5, 13, 6, 48, 51, TimeSpan.Zero), e.OccurredAt);
        Assert.Empty(e.Flags);
        Assert.Equal("Ventas<-", e.Queue?.Name);
    }

    [Fact]
    public void InteractionDisposition_updates_the_session_and_telephony_is_a_call()
    {
        var e = Parse("ucontact", WrittenPayloads.UcontactInteractionDisposition);

        Assert.Equal("InteractionDisposition", e.Type);
        Assert.Equal(SessionLifecycle.Updated, e.Session?.Lifecycle);
        Assert.Equal(SessionChannels.Call, e.Session?.Channel);
        Assert.Equal("9f1c2d4e-5b6a-4c3d-8e7f-0a1b2c3d4e5f", e.Session?.Id);
    }

    [Fact]
    public void Dates_are_read_in_the_configured_platform_time_zone()
    {
        var adapter = new UcontactAdapter(new SourceOptions { UcontactTimeZone = "America/Montevideo" });

        var e = Parse(adapter, WrittenPayloads.UcontactFinishInteraction);

        Assert.Equal(new DateTimeOffset(2023, 5, 13, 9, 48, 51, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_is_read_with_the_standard_offset()
    {
        var adapter = new UcontactAdapter(new SourceOptions { UcontactTimeZone = "Europe/Madrid" });

        var e = Parse(adapter, """{"event":"AgentLog","date":"2023-03-26 02:30:00","agent":"a"}""");

        Assert.Equal(new DateTimeOffset(2023, 3, 26, 1, 30, 0, TimeSpan.Zero), e.OccurredAt);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_when_the_adapter_is_built()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new UcontactAdapter(new SourceOptions { UcontactTimeZone = "Mars/Olympus" }));

        Assert.Equal("Mars/Olympus", thrown.ActualValue);
    }

    [Fact]
    public void FinishInteraction_without_a_guid_is_rejected_naming_the_field()
    {
        var error = Reject("ucontact", """{"event":"FinishInteraction","date":"2023-05-13 06:48:51","channel":"sms"}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/guid", error.Field);
    }

    [Fact]
    public void Event_names_match_case_insensitively_and_come_out_in_the_documented_spelling()
    {
        var e = Parse("ucontact", """{"event":"finishinteraction","guid":"g-1"}""");

        Assert.Equal("FinishInteraction", e.Type);
        Assert.Equal(SessionChannels.Call, e.Session?.Channel);
    }

    [Fact]
    public void An_unknown_event_is_accepted_with_no_lifecycle()
    {
        var e = Parse("ucontact", """{"event":"AgentTransfer","date":"2023-05-13 06:48:51","guid":"g-1","agent":"a"}""");

        Assert.Equal("AgentTransfer", e.Type);
        Assert.Equal("g-1", e.Session?.Id);
        Assert.Null(e.Session?.Lifecycle);
    }

    [Fact]
    public void A_body_without_event_is_rejected()
    {
        var error = Reject("ucontact", """{"date":"2023-05-13 06:48:51","agent":"a"}""");

        Assert.Equal(EventParseProblem.MissingEventName, error.Kind);
        Assert.Equal("/event", error.Field);
    }

    [Theory]
    [InlineData("""{"event":"FinishInteraction","guid":true}""", EventParseProblem.WrongFieldType, "/guid")]
    [InlineData("""{"event":"FinishInteraction","guid":{"id":1}}""", EventParseProblem.WrongFieldType, "/guid")]
    [InlineData("""{"event":"FinishInteraction","guid":"a\tb"}""", EventParseProblem.InvalidValue, "/guid")]
    [InlineData("""{"event":"FinishInteraction","guid":"g-1","channel":false}""", EventParseProblem.WrongFieldType, "/channel")]
    public void A_session_id_or_channel_that_cannot_name_a_session_is_rejected_naming_it(string body, EventParseProblem kind, string field)
    {
        var error = Reject("ucontact", body);

        Assert.Equal((kind, field), (error.Kind, error.Field));
    }

    [Fact]
    public void A_session_id_longer_than_a_name_may_be_is_rejected()
    {
        var error = Reject("ucontact", $$"""{"event":"FinishInteraction","guid":"{{new string('g', 257)}}"}""");

        Assert.Equal((EventParseProblem.InvalidValue, "/guid"), (error.Kind, error.Field));
    }

    [Fact]
    public void A_channel_made_of_path_segments_is_kept_as_sent()
    {
        var e = Parse("ucontact", """{"event":"FinishInteraction","guid":"g-1","channel":"../../switchboard-claims/x"}""");

        Assert.Equal("../../switchboard-claims/x", e.Session!.Channel);
    }
}
