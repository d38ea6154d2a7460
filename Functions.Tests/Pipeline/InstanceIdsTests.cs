using System.Text.Json;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;
using Switchboard.Tests.Delivery;

namespace Switchboard.Tests.Pipeline;

public sealed class InstanceIdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static PipelineWork Export(string tenant = "default", string channel = "call", string sessionId = "103646") =>
        new ExportJob { Tenant = tenant, Channel = channel, SessionId = sessionId }.ToWork();

    [Fact]
    public void A_delivery_attempt_runs_as_the_instance_named_by_its_delivery_id_and_attempt()
    {
        var job = DeliveryJob.First(DeliveryHarness.Event(), "crm", Now);

        Assert.Equal($"delivery-{job.DeliveryId}-1", InstanceIds.For(job.ToWork()));
        Assert.NotEqual(InstanceIds.For(job.ToWork()), InstanceIds.For(job.At(2).ToWork()));
    }

    [Fact]
    public void A_session_export_is_named_by_tenant_channel_and_session()
    {
        Assert.Equal("export-default|call-103646", InstanceIds.For(Export()));
        Assert.Equal("export-acme|chat-73522", InstanceIds.For(Export("acme", "chat", "73522")));
    }

    [Fact]
    public void Sessions_of_two_tenants_or_split_differently_never_share_an_instance()
    {
        var ids = new[]
        {
            InstanceIds.For(Export("a", "call", "1")),
            InstanceIds.For(Export("b", "call", "1")),
            InstanceIds.For(Export("a|call", "x", "1")),
            InstanceIds.For(Export("a", "call|x", "1")),
            InstanceIds.For(Export("a", "call-x", "1")),
            InstanceIds.For(Export("a", "call", "x-1")),
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
        var id = InstanceIds.For(Export(sessionId: sessionId));

        Assert.DoesNotContain(id, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.NotEqual(id, InstanceIds.For(Export(sessionId: "a%b")));
    }

    [Fact]
    public void A_long_session_id_gives_a_legal_length_id_that_stays_unique()
    {
        var a = InstanceIds.For(Export(sessionId: new string('x', 400) + "a"));
        var b = InstanceIds.For(Export(sessionId: new string('x', 400) + "b"));

        Assert.Equal(InstanceIds.MaxLength, a.Length);
        Assert.Equal(InstanceIds.MaxLength, b.Length);
        Assert.NotEqual(a, b);
        Assert.Equal(a, InstanceIds.For(Export(sessionId: new string('x', 400) + "a")));
    }

    [Fact]
    public void Every_repeat_of_an_export_has_an_instance_of_its_own()
    {
        var job = Export(sessionId: new string('x', 300));
        var one = InstanceIds.Repeat(job, Guid.NewGuid().ToString("N"));
        var two = InstanceIds.Repeat(job, Guid.NewGuid().ToString("N"));

        Assert.NotEqual(one, two);
        Assert.NotEqual(InstanceIds.For(job), one);
        Assert.True(one.Length <= InstanceIds.MaxLength);
        Assert.StartsWith("export-default|call-103646~", InstanceIds.Repeat(Export(), Guid.Empty.ToString("N")), StringComparison.Ordinal);
    }

    [Fact]
    public void Work_is_named_by_kind_and_id()
    {
        var work = new PipelineWork("session-email", "eml_0123-2", JsonSerializer.SerializeToElement(new { }));

        Assert.Equal("session-email-eml_0123-2", InstanceIds.For(work));
    }
}
