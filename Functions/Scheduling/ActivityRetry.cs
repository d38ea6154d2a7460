using Microsoft.DurableTask;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Scheduling;

/// <summary>How the orchestrations retry an activity that threw.</summary>
public static class ActivityRetry
{
    /// <summary>
    /// Activities throw only for failures of our own infrastructure (storage unreachable, the worker recycled); a
    /// receiver's error is an attempt's outcome, not an exception. Five tries, 30 s doubling to 5 min, ride out a storage
    /// blip the way the portable host's queue retries do before the orchestration gives up and shows as failed. Work that
    /// can never succeed (<see cref="PoisonMessageException"/>) fails at once, as a poison message does.
    /// </summary>
    public static readonly TaskOptions Options = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(30),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(5))
    {
        HandleFailure = failure => !failure.IsCausedBy<PoisonMessageException>(),
    });
}
