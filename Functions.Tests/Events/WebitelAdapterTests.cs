using Switchboard.Events;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>Webitel queue hooks ("Хуки (Входящая очередь)"): the eight events with the fields the document lists for each.</summary>
public sealed class WebitelAdapterTests
{
    [Theory]
    [InlineData("joined", SessionLifecycle.Started)]
    [InlineData("offering", SessionLifecycle.Updated)]
    [InlineData("answered", SessionLifecycle.Updated)]
    [InlineData("bridged", SessionLifecycle.Updated)]
    [InlineData("missed", SessionLifecycle.Updated)]
    [InlineData("leaving", SessionLifecycle.Ended)]
    [InlineData("processing", SessionLifecycle.Updated)]
    [InlineData("active", SessionLifecycle.Updated)]
    public void Each_event_maps_to_its_lifecycle_on_the_member_channel(string name, SessionLifecycle lifecycle)
    {
        var e = Parse("webitel", WrittenPayloads.Webitel(name));

        Assert.Equal("webitel", e.Source);
        Assert.Equal(name, e.Type);
        Assert.Equal("a6b1f8c2-3d4e-4f50-9a1b-2c3d4e5f6a7b", e.Session?.Id);
        Assert.Equal(SessionChannels.Call, e.Session?.Channel);
        Assert.Equal(lifecycle, e.Session?.Lifecycle);
        Assert.Equal(new EventQueue { Id = "12", Name = "Support" }, e.Queue);
        Assert.Equal(ReceivedAt, e.OccurredAt);
        Assert.Equal("T-100", e.Data.GetProperty("crm_ticket").GetString());
    }

    [Fact]
    public void The_agent_comes_from_agent_id_and_agent_name()
    {
        var e = Parse("webitel", WrittenPayloads.Webitel("bridged"));

        Assert.Equal(new EventAgent { Id = "77", Name = "Olena" }, e.Agent);
    }

    [Theory]
    [InlineData("success", SessionOutcome.Completed)]
    [InlineData("sucess", SessionOutcome.Completed)]
    [InlineData("abandoned", SessionOutcome.Abandoned)]
    [InlineData("cancel", SessionOutcome.Abandoned)]
    [InlineData("timeout", SessionOutcome.Failed)]
    public void Leaving_takes_its_outcome_from_cc_result(string result, SessionOutcome outcome)
    {
        var e = Parse("webitel", WrittenPayloads.Webitel("leaving").Replace("\"success\"", $"\"{result}\"", StringComparison.Ordinal));

        Assert.Equal(outcome, e.Session?.Outcome);
    }

    [Theory]
    [InlineData("chat", SessionChannels.Chat)]
    [InlineData("task", SessionChannels.Task)]
    [InlineData("CALL", SessionChannels.Call)]
    public void The_channel_field_names_the_channel(string channel, string expected)
    {
        var e = Parse("webitel", WrittenPayloads.Webitel("active", channel));

        Assert.Equal(expected, e.Session?.Channel);
    }

    [Fact]
    public void Without_a_member_channel_the_attempt_id_names_the_session()
    {
        var e = Parse("webitel", """{"event":"joined","channel":"call","attempt_id":5123,"member_channel_id":""}""");

        Assert.Equal("5123", e.Session?.Id);
    }

    [Fact]
    public void Joined_without_any_session_id_is_rejected()
    {
        var error = Reject("webitel", """{"event":"joined","channel":"call","destination":"+380441234567"}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/member_channel_id", error.Field);
    }

    [Theory]
    [InlineData("Абонент вошел в очередь", "joined")]
    [InlineData("Абонент вошёл в очередь", "joined")]
    [InlineData("Абонент вышел из очереди", "leaving")]
    [InlineData("Постобработка", "processing")]
    [InlineData("Активное действие", "active")]
    public void The_Russian_names_of_the_admin_UI_are_accepted(string russian, string type)
    {
        var e = Parse("webitel", $$"""{"event":"{{russian}}","member_channel_id":"m-1"}""");

        Assert.Equal(type, e.Type);
    }

    [Fact]
    public void Ids_sent_as_strings_by_flow_variables_are_read()
    {
        var e = Parse("webitel", """{"event":"answered","attempt_id":"5123","agent_id":"77","agent_name":"Olena"}""");

        Assert.Equal("5123", e.Session?.Id);
        Assert.Equal("77", e.Agent?.Id);
    }

    [Fact]
    public void An_unknown_event_is_accepted_with_no_lifecycle()
    {
        var e = Parse("webitel", """{"event":"transferred","member_channel_id":"m-1"}""");

        Assert.Equal("transferred", e.Type);
        Assert.Null(e.Session?.Lifecycle);
    }
}
