using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Switchboard.Tests.Queues;

/// <summary>
/// A fake clock that also notes the due time of every timer created on it, so a test reads how long code chose to
/// wait (a poll interval, a drain timeout) instead of measuring it. Time moves only with <see cref="Advance"/>.
/// </summary>
internal sealed class TimerLog : TimeProvider
{
    private readonly FakeTimeProvider clock = new();
    private readonly ConcurrentQueue<TimeSpan> waits = new();

    /// <summary>Every timer's due time, in the order they were created.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. waits];

    public void Advance(TimeSpan by) => clock.Advance(by);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        waits.Enqueue(dueTime);
        return clock.CreateTimer(callback, state, dueTime, period);
    }
}
