using Switchboard.Triggers;

namespace Switchboard.Delivery;

/// <summary>
/// The retry policies a trigger chooses from (docs/platforms.md, "Outbound behaviour taken from the documents") as pure
/// functions of the policy, the attempt number, its outcome, the time of the first attempt and now. Retry n follows
/// attempt n:
/// <list type="table">
/// <item><term>none</term><description>no retries.</description></item>
/// <item><term>linear</term><description><c>attempts</c> retries (0–10, default 1), n × 2 s; on timeout, connection error, 408, 429, 5xx.</description></item>
/// <item><term>incremental</term><description>3 retries, n × 60 s; on timeout, connection error, 429, ≥ 500; other 4xx are captured, never retried.</description></item>
/// <item><term>exponential</term><description>30 s doubling, each delay capped at 6 h, while the retry falls within 7 days of the first
/// attempt; on timeout, connection error and the <c>retryOn</c> statuses (default 400).</description></item>
/// </list>
/// A <c>Retry-After</c> on a 429 or 503 moves the retry later when it asks for longer than the policy's delay, but
/// never past the policy's window after the first attempt (<see cref="ShortWindow"/> for linear and incremental,
/// <see cref="ExponentialWindow"/> for exponential).
/// </summary>
public static class RetryPolicy
{
    /// <summary>The step of the linear policy: retry n waits n × 2 s (the post-call "Webhooks" document).</summary>
    public static readonly TimeSpan LinearStep = TimeSpan.FromSeconds(2);

    /// <summary>The step of the incremental policy: retry n waits n × 60 s (Videsk's "Integradores (3rd party)").</summary>
    public static readonly TimeSpan IncrementalStep = TimeSpan.FromSeconds(60);

    /// <summary>The retries of the incremental policy (Videsk's "Integradores (3rd party)").</summary>
    public const int IncrementalRetries = 3;

    /// <summary>The first delay of the exponential policy; each later one doubles.</summary>
    public static readonly TimeSpan ExponentialFirst = TimeSpan.FromSeconds(30);

    /// <summary>The longest single delay of the exponential policy.</summary>
    public static readonly TimeSpan ExponentialCap = TimeSpan.FromHours(6);

    /// <summary>The exponential policy retries only while the retry falls within this span after the first attempt.</summary>
    public static readonly TimeSpan ExponentialWindow = TimeSpan.FromDays(7);

    /// <summary>How far after the first attempt a <c>Retry-After</c> may push a linear or incremental retry.</summary>
    public static readonly TimeSpan ShortWindow = TimeSpan.FromHours(1);

    /// <summary>The statuses the exponential policy retries when the trigger lists none (400, as "CRM personalizzato" says of the generic CRM API).</summary>
    public static readonly IReadOnlyList<int> DefaultExponentialRetryOn = [400];

    /// <summary>
    /// What follows attempt <paramref name="attempt"/> (1 for the first) that ended in <paramref name="outcome"/> at
    /// <paramref name="now"/>: <see cref="DeliveryDecision.Delivered"/> on 2xx, a retry at the policy's time when the
    /// outcome is retried and retries remain, otherwise <see cref="DeliveryDecision.Failed"/>.
    /// </summary>
    public static DeliveryDecision Decide(TriggerRetry retry, int attempt, AttemptOutcome outcome, DateTimeOffset firstAttemptAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (outcome.Succeeded)
        {
            return DeliveryDecision.Delivered;
        }

        if (!IsRetried(retry, outcome) || Delay(retry, attempt) is not { } delay)
        {
            return DeliveryDecision.Failed;
        }

        var at = now + delay;
        var windowEnd = firstAttemptAt + Window(retry);
        if (IsExponential(retry) && at > windowEnd)
        {
            return DeliveryDecision.Failed;
        }

        if (outcome.StatusCode is 429 or 503 && outcome.RetryAfter is { } asked && asked > delay)
        {
            // The receiver's wish wins over the schedule, but never stretches the policy past its window.
            var wished = now + asked;
            at = wished <= windowEnd ? wished : (windowEnd > at ? windowEnd : at);
        }

        return DeliveryDecision.Retry(at);
    }

    /// <summary>True when the policy retries this outcome (whether retries remain is <see cref="Delay"/>'s question).</summary>
    public static bool IsRetried(TriggerRetry retry, AttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Error is AttemptError.Timeout or AttemptError.Connection)
        {
            return !Is(retry, "none");
        }

        if (outcome.Error != AttemptError.None || outcome.StatusCode is not { } status)
        {
            return false;
        }

        return Policy(retry) switch
        {
            "linear" => status is 408 or 429 or (>= 500 and <= 599),
            "incremental" => status is 429 or >= 500,
            "exponential" => (retry.RetryOn ?? DefaultExponentialRetryOn).Contains(status),
            _ => false,
        };
    }

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first), or null when the policy makes no such retry.</summary>
    public static TimeSpan? Delay(TriggerRetry policy, int retry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (retry < 1)
        {
            return null;
        }

        return Policy(policy) switch
        {
            "linear" => retry <= (policy.Attempts ?? TriggerDefaults.LinearAttempts) ? LinearStep * retry : null,
            "incremental" => retry <= IncrementalRetries ? IncrementalStep * retry : null,

            // 30 s × 2^20 is far above the cap, so larger exponents need not be computed.
            "exponential" => retry > 20 ? ExponentialCap : TimeSpan.FromTicks(Math.Min(ExponentialFirst.Ticks << (retry - 1), ExponentialCap.Ticks)),
            _ => null,
        };
    }

    /// <summary>How far after the first attempt the policy may schedule a retry.</summary>
    public static TimeSpan Window(TriggerRetry retry) => IsExponential(retry) ? ExponentialWindow : ShortWindow;

    private static bool IsExponential(TriggerRetry retry) => Is(retry, "exponential");

    private static bool Is(TriggerRetry retry, string name) => string.Equals(retry.Policy, name, StringComparison.OrdinalIgnoreCase);

    private static string Policy(TriggerRetry retry) => (retry.Policy ?? "linear").ToLowerInvariant();
}
