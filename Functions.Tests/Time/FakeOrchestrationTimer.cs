using Switchboard.Pipeline;

namespace Switchboard.Tests.Time;

/// <summary>An orchestration's timer on a fake clock: each timer fires at once by moving the clock to its time.</summary>
internal sealed class FakeOrchestrationTimer(FakeTimeProvider clock) : IOrchestrationTimer
{
    /// <summary>The times timers were created for, in order.</summary>
    public List<DateTime> Fired { get; } = [];

    public DateTime CurrentUtcDateTime => clock.GetUtcNow().UtcDateTime;

    public Task CreateTimer(DateTime fireAt)
    {
        Assert.Equal(DateTimeKind.Utc, fireAt.Kind);
        Assert.True(fireAt > CurrentUtcDateTime, "a timer is only created for a time still ahead");
        Fired.Add(fireAt);
        clock.Advance(fireAt - CurrentUtcDateTime);
        return Task.CompletedTask;
    }
}
