using System.Text.Json;
using Switchboard.Pipeline;
using Switchboard.Tests.Delivery;

namespace Switchboard.Tests.Pipeline;

public sealed class DurableScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static ExportJob Export(string tenant = "default", string channel = "call", string sessionId = "103646") =>
        new() { Tenant = tenant, Channel = channel, SessionId = sessionId };

    [Fact]
    public void A_delivery_runs_as_the_instance_named_by_its_delivery_id()
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(), "crm", Now);

        Assert.Equal(job.DeliveryId, DurableSchedule.InstanceId(job));
        Assert.Equal(DurableSchedule.InstanceId(job), DurableSchedule.InstanceId(job.Next()));
    }

    [Fact]
    public void A_session_export_is_named_by_tenant_channel_and_session()
    {
        Assert.Equal("export-default|call-103646", DurableSchedule.InstanceId(Export()));
        Assert.Equal("export-acme|chat-73522", DurableSchedule.InstanceId(Export("acme", "chat", "73522")));
    }

    [Fact]
    public void Sessions_of_two_tenants_or_split_differently_never_share_an_instance()
    {
        var ids = new[]
        {
            DurableSchedule.InstanceId(Export("a", "call", "1")),
            DurableSchedule.InstanceId(Export("b", "call", "1")),
            DurableSchedule.InstanceId(Export("a|call", "x", "1")),
            DurableSchedule.InstanceId(Export("a", "call|x", "1")),
            DurableSchedule.InstanceId(Export("a", "call-x", "1")),
            DurableSchedule.InstanceId(Export("a", "call", "x-1")),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\nb")]
    public void Characters_instance_ids_may_not_hold_are_encoded(string sessionId)
    {
        var id = DurableSchedule.InstanceId(Export(sessionId: sessionId));

        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.NotEqual(id, DurableSchedule.InstanceId(Export(sessionId: "a%b")));
    }

    [Fact]
    public void A_long_session_id_gives_a_legal_length_id_that_stays_unique()
    {
        var a = DurableSchedule.InstanceId(Export(sessionId: new string('x', 400) + "a"));
        var b = DurableSchedule.InstanceId(Export(sessionId: new string('x', 400) + "b"));

        Assert.Equal(DurableSchedule.MaxInstanceIdLength, a.Length);
        Assert.Equal(DurableSchedule.MaxInstanceIdLength, b.Length);
        Assert.NotEqual(a, b);
        Assert.Equal(a, DurableSchedule.InstanceId(Export(sessionId: new string('x', 400) + "a")));
    }

    [Fact]
    public void Every_repeat_of_an_export_has_an_instance_of_its_own()
    {
        var job = Export(sessionId: new string('x', 300));
        var one = DurableSchedule.RepeatInstanceId(job, Guid.NewGuid());
        var two = DurableSchedule.RepeatInstanceId(job, Guid.NewGuid());

        Assert.NotEqual(one, two);
        Assert.NotEqual(DurableSchedule.InstanceId(job), one);
        Assert.True(one.Length <= DurableSchedule.MaxInstanceIdLength);
        Assert.StartsWith("export-default|call-103646~", DurableSchedule.RepeatInstanceId(Export(), Guid.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Work_is_named_by_kind_and_id()
    {
        var work = new PipelineWork("session-email", "eml_0123-2", JsonSerializer.SerializeToElement(new { }));

        Assert.Equal("work-session-email|eml_0123-2", DurableSchedule.InstanceId(work));
    }

    [Fact]
    public void An_export_runs_again_only_once_its_due_time_has_come()
    {
        Assert.False(DurableSchedule.ExportsAgain(Now.AddSeconds(1), Now));
        Assert.True(DurableSchedule.ExportsAgain(Now, Now));
        Assert.True(DurableSchedule.ExportsAgain(Now.AddMinutes(-5), Now));
    }
}
