using Microsoft.Extensions.Time.Testing;
using Switchboard.Delivery;
using Switchboard.Triggers;

namespace Switchboard.Tests.Delivery;

public sealed class RetryPolicyTests
{
    private static readonly AttemptOutcome ServerError = AttemptOutcome.Response(500, TimeSpan.FromMilliseconds(20));
    private static readonly int[] DoublingSeconds = [30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360];
    private static readonly AttemptOutcome BadRequest = AttemptOutcome.Response(400, TimeSpan.FromMilliseconds(20));

    private static TriggerRetry Policy(string name, int? attempts = null, IReadOnlyList<int>? retryOn = null) => new() { Policy = name, Attempts = attempts, RetryOn = retryOn };

    /// <summary>
    /// Walks a delivery that fails every time: each attempt takes <paramref name="attemptTakes"/> on the fake clock,
    /// the clock then moves to the decided retry time, and the delays between a failure and its retry are collected
    /// until the policy gives up.
    /// </summary>
    private static List<TimeSpan> Delays(TriggerRetry retry, AttemptOutcome outcome, TimeSpan attemptTakes = default)
    {
        var clock = new FakeTimeProvider();
        var first = clock.GetUtcNow();
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt < 1000; attempt++)
        {
            clock.Advance(attemptTakes);
            var failedAt = clock.GetUtcNow();
            var decision = RetryPolicy.Decide(retry, attempt, outcome, first, failedAt);
            if (decision.State == DeliveryState.Failed)
            {
                return delays;
            }

            Assert.Equal(DeliveryState.Retrying, decision.State);
            delays.Add(decision.RetryAt!.Value - failedAt);
            clock.Advance(decision.RetryAt.Value - failedAt);
        }

        throw new InvalidOperationException("The policy never gave up.");
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Success_is_delivered_by_every_policy()
    {
        foreach (var name in new[] { "none", "linear", "incremental", "exponential" })
        {
            var decision = RetryPolicy.Decide(Policy(name), 1, AttemptOutcome.Response(204, S(0.1)), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
            Assert.Equal(DeliveryDecision.Delivered, decision);
        }
    }

    [Fact]
    public void None_never_retries()
    {
        Assert.Empty(Delays(Policy("none"), ServerError));
        Assert.Empty(Delays(Policy("none"), AttemptOutcome.Failure(AttemptError.Timeout, "slow")));
    }

    [Fact]
    public void Linear_default_retries_once_after_2_seconds()
    {
        Assert.Equal([S(2)], Delays(Policy("linear"), ServerError));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Linear_waits_n_times_2_seconds_for_each_of_its_attempts(int attempts)
    {
        var expected = Enumerable.Range(1, attempts).Select(n => S(n * 2)).ToList();

        Assert.Equal(expected, Delays(Policy("linear", attempts), ServerError));
        Assert.Equal(expected, Delays(Policy("linear", attempts), AttemptOutcome.Failure(AttemptError.Timeout, "slow", S(10)), attemptTakes: S(10)));
    }

    [Fact]
    public void Linear_delays_are_2_4_6_up_to_20_seconds()
    {
        Assert.Equal([S(2), S(4), S(6), S(8), S(10), S(12), S(14), S(16), S(18), S(20)], Delays(Policy("linear", 10), AttemptOutcome.Failure(AttemptError.Connection, "refused")));
    }

    [Fact]
    public void Incremental_retries_three_times_after_60_120_and_180_seconds()
    {
        Assert.Equal([S(60), S(120), S(180)], Delays(Policy("incremental"), ServerError));
        Assert.Equal([S(60), S(120), S(180)], Delays(Policy("incremental"), AttemptOutcome.Response(429, S(0.1))));
    }

    [Fact]
    public void Exponential_doubles_from_30_seconds_caps_at_6_hours_and_stops_7_days_after_the_first_attempt()
    {
        var delays = Delays(Policy("exponential"), BadRequest);
        var doubling = DoublingSeconds.Select(s => S(s)).ToList();

        Assert.Equal(doubling, delays.Take(10));
        Assert.All(delays.Skip(10), d => Assert.Equal(TimeSpan.FromHours(6), d));

        // 30 s … 15360 s add up to 8 h 31 m 30 s; the 6-hour retries then fit 26 times into the rest of 7 days.
        var doublingTotal = TimeSpan.FromSeconds(30 * ((1 << 10) - 1));
        var sixHourRetries = (int)((TimeSpan.FromDays(7) - doublingTotal) / TimeSpan.FromHours(6));
        Assert.Equal(26, sixHourRetries);
        Assert.Equal(10 + sixHourRetries, delays.Count);
        Assert.True(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromDays(7));
    }

    [Fact]
    public void Exponential_counts_its_window_from_the_first_attempt_including_time_spent_in_attempts()
    {
        var quick = Delays(Policy("exponential"), AttemptOutcome.Failure(AttemptError.Timeout, "slow"));
        var slow = Delays(Policy("exponential"), AttemptOutcome.Failure(AttemptError.Timeout, "slow", S(10)), attemptTakes: TimeSpan.FromHours(1));

        Assert.True(slow.Count < quick.Count);
    }

    [Theory]
    [InlineData("linear", 408, true)]
    [InlineData("linear", 429, true)]
    [InlineData("linear", 500, true)]
    [InlineData("linear", 502, true)]
    [InlineData("linear", 503, true)]
    [InlineData("linear", 599, true)]
    [InlineData("linear", 400, false)]
    [InlineData("linear", 401, false)]
    [InlineData("linear", 404, false)]
    [InlineData("linear", 409, false)]
    [InlineData("linear", 301, false)]
    [InlineData("incremental", 429, true)]
    [InlineData("incremental", 500, true)]
    [InlineData("incremental", 504, true)]
    [InlineData("incremental", 400, false)]
    [InlineData("incremental", 404, false)]
    [InlineData("incremental", 408, false)]
    [InlineData("incremental", 422, false)]
    [InlineData("exponential", 400, true)]
    [InlineData("exponential", 500, false)]
    [InlineData("exponential", 429, false)]
    [InlineData("exponential", 404, false)]
    [InlineData("none", 500, false)]
    [InlineData("none", 429, false)]
    public void Each_policy_retries_its_own_status_set(string policy, int status, bool retried)
    {
        var decision = RetryPolicy.Decide(Policy(policy), 1, AttemptOutcome.Response(status, S(0.1)), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.Equal(retried ? DeliveryState.Retrying : DeliveryState.Failed, decision.State);
    }

    [Theory]
    [InlineData(AttemptError.Timeout, true)]
    [InlineData(AttemptError.Connection, true)]
    [InlineData(AttemptError.Blocked, false)]
    [InlineData(AttemptError.Redirect, false)]
    [InlineData(AttemptError.Request, false)]
    [InlineData(AttemptError.Trigger, false)]
    public void Timeouts_and_connection_errors_are_retried_by_every_policy_but_none_and_other_errors_never(AttemptError error, bool retried)
    {
        foreach (var policy in new[] { "linear", "incremental", "exponential" })
        {
            var decision = RetryPolicy.Decide(Policy(policy), 1, AttemptOutcome.Failure(error, "x"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
            Assert.Equal(retried ? DeliveryState.Retrying : DeliveryState.Failed, decision.State);
        }
    }

    [Fact]
    public void Exponential_retry_on_is_configurable()
    {
        var retry = Policy("exponential", retryOn: [429, 503]);

        Assert.Equal(DeliveryState.Retrying, RetryPolicy.Decide(retry, 1, AttemptOutcome.Response(503, S(1)), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).State);
        Assert.Equal(DeliveryState.Failed, RetryPolicy.Decide(retry, 1, BadRequest, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).State);
    }

    [Fact]
    public void Retry_after_is_honoured_when_longer_and_ignored_when_shorter()
    {
        var clock = new FakeTimeProvider();
        var now = clock.GetUtcNow();

        var longer = RetryPolicy.Decide(Policy("linear", 3), 1, AttemptOutcome.Response(429, S(0.1), retryAfter: S(30)), now, now);
        var shorter = RetryPolicy.Decide(Policy("incremental"), 1, AttemptOutcome.Response(503, S(0.1), retryAfter: S(5)), now, now);
        var notOn500 = RetryPolicy.Decide(Policy("linear", 3), 1, AttemptOutcome.Response(500, S(0.1), retryAfter: S(30)), now, now);

        Assert.Equal(now + S(30), longer.RetryAt);
        Assert.Equal(now + S(60), shorter.RetryAt);
        Assert.Equal(now + S(2), notOn500.RetryAt);
    }

    [Fact]
    public void Retry_after_is_bounded_by_the_policy_window()
    {
        var clock = new FakeTimeProvider();
        var first = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(10));
        var now = clock.GetUtcNow();

        var linear = RetryPolicy.Decide(Policy("linear", 3), 2, AttemptOutcome.Response(429, S(0.1), retryAfter: TimeSpan.FromDays(1)), first, now);
        var exponential = RetryPolicy.Decide(Policy("exponential", retryOn: [429]), 2, AttemptOutcome.Response(429, S(0.1), retryAfter: TimeSpan.FromDays(30)), first, now);
        var withinWindow = RetryPolicy.Decide(Policy("exponential", retryOn: [429]), 2, AttemptOutcome.Response(429, S(0.1), retryAfter: TimeSpan.FromDays(2)), first, now);

        Assert.Equal(first + RetryPolicy.ShortWindow, linear.RetryAt);
        Assert.Equal(first + TimeSpan.FromDays(7), exponential.RetryAt);
        Assert.Equal(now + TimeSpan.FromDays(2), withinWindow.RetryAt);
    }

    [Fact]
    public void Retry_after_never_adds_retries_beyond_the_policy_count()
    {
        var retry = Policy("linear", 1);
        var outcome = AttemptOutcome.Response(429, S(0.1), retryAfter: S(30));

        Assert.Equal(DeliveryState.Retrying, RetryPolicy.Decide(retry, 1, outcome, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).State);
        Assert.Equal(DeliveryState.Failed, RetryPolicy.Decide(retry, 2, outcome, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).State);
    }
}
