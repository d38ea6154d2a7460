using System.Text.Json;
using Switchboard.Events;
using Switchboard.Host.Jobs;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Jobs;

public sealed class JobMessageTests
{
    [Fact]
    public void A_delivery_job_survives_the_round_trip_through_json_with_its_event_untouched()
    {
        var adapters = new SourceAdapters(new SourceOptions());
        var canonical = adapters.Find("ccai")!.Parse(
            System.Text.Encoding.UTF8.GetBytes(Events.PrintedPayloads.CcaiNewCall), "application/json", SourceContext.Create("default", DateTimeOffset.UnixEpoch));
        var job = new JobMessage { DueAt = DateTimeOffset.UnixEpoch.AddSeconds(2), Delivery = DeliveryJob.First(canonical, "trg_1", DateTimeOffset.UnixEpoch) with { Attempt = 2 } };

        var read = JsonSerializer.Deserialize<JobMessage>(JsonSerializer.Serialize(job, JobScheduler.JsonOptions), JobScheduler.JsonOptions)!;

        Assert.Equal(job.DueAt, read.DueAt);
        Assert.Equal(2, read.Delivery!.Attempt);
        Assert.Equal(job.Delivery.DeliveryId, read.Delivery.DeliveryId);
        Assert.Equal(canonical.Id, read.Delivery.Event.Id);
        Assert.Equal(canonical.Session, read.Delivery.Event.Session);
        Assert.True(JsonElement.DeepEquals(canonical.Data, read.Delivery.Event.Data));
    }
}
