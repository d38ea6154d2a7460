namespace Switchboard.Tests.Jobs;

/// <summary>
/// The system clock moved forward by <see cref="Offset"/>, with real timers: a host on it keeps polling its queues in
/// real time while a test jumps it days ahead. The queue's own clock does not move; see <see cref="QueuedJobs"/>.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
