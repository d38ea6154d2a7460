namespace Switchboard.Tests.Time;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
