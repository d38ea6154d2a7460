using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchboard.Storage;

/// <summary>
/// Provisions storage (<see cref="StorageProvisioner"/>) when a host starts, so its tables, queues and containers exist
/// before the first request or queue message needs them. Storage that is down or slow does not stop the host, which
/// answers 503 meanwhile: the start waits for the first try at most <see cref="StartupWait"/>, and a try that fails is
/// logged and repeated in the background (after 1 s, doubling to a minute) until one succeeds. Until then a call that
/// finds its resource missing creates it (<see cref="RecreateMissingPolicy"/>).
/// </summary>
public sealed partial class StorageProvisioning(
    StorageProvisioner provisioner, StorageResources resources, TimeProvider time, ILogger<StorageProvisioning> logger) : BackgroundService
{
    /// <summary>
    /// How long the host's start waits for the first try: enough for a healthy account to answer every create at once,
    /// short enough that an endpoint that accepts connections but never answers does not hold the start for the
    /// clients' full network timeout.
    /// </summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource firstTry = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource provisioned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every resource exists; never while storage keeps failing.</summary>
    public Task Provisioned => provisioned.Task;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(firstTry.Task, Task.Delay(StartupWait, time, waited.Token)).ConfigureAwait(false);
        await waited.CancelAsync().ConfigureAwait(false);
        if (!firstTry.Task.IsCompleted)
        {
            LogStillTrying(logger, StartupWait.TotalSeconds);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the caller's thread at once: the start must not wait for the first request to be sent.
        await Task.Yield();
        var delay = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await provisioner.ProvisionAsync(resources, stoppingToken).ConfigureAwait(false);
                LogProvisioned(logger, resources.Tables.Count, resources.Queues.Count, resources.Containers.Count);
                provisioned.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // An outage passes; anything else (a refused credential, a missing role) needs someone to look, but
                // neither is helped by stopping the host.
                if (StorageOutage.Is(exception) || exception is OperationCanceledException)
                {
                    LogOutage(logger, exception, attempt, delay.TotalSeconds);
                }
                else
                {
                    LogFailed(logger, exception, attempt, delay.TotalSeconds);
                }
            }
            finally
            {
                firstTry.TrySetResult();
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 > LastRetry ? LastRetry : delay * 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage provisioned: {Tables} tables, {Queues} queues and {Containers} blob containers exist")]
    private static partial void LogProvisioned(ILogger logger, int tables, int queues, int containers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage provisioning still waits for storage after {Seconds} s; the host starts and keeps trying")]
    private static partial void LogStillTrying(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage provisioning, try {Attempt}: storage is unreachable or failing; trying again in {Seconds} s")]
    private static partial void LogOutage(ILogger logger, Exception exception, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage provisioning, try {Attempt}: storage refused to create a table, queue or container; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, int attempt, double seconds);
}
