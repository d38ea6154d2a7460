using Microsoft.Extensions.Logging;
using Switchboard.Delivery;

namespace Switchboard.Pipeline;

/// <summary>
/// Replays a dead letter of any kind — a webhook, a CRM call, an outcome email: notes on it the id of its replay, then
/// runs the work it kept (<see cref="DeliveryLog.LoadWorkAsync"/>) at once, as any due work runs (<see cref="RunWork"/>).
/// The <see cref="AttemptEngine"/> finds the note and makes the attempts under the replay's id, numbered afresh, with
/// the kind's own retries scheduled like any other.
/// </summary>
public sealed partial class ReplayDelivery(DeliveryLog log, RunWork work, TimeProvider time, ILogger<ReplayDelivery> logger)
{
    /// <summary>Replays dead letter <paramref name="deliveryId"/>; work the replay leaves for later goes to <paramref name="scheduler"/>.</summary>
    public async Task<DeliveryReplayed> RunAsync(string tenant, string deliveryId, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(deliveryId);
        ArgumentNullException.ThrowIfNull(scheduler);
        var deadLetter = await log.GetAsync(tenant, deliveryId, cancellationToken).ConfigureAwait(false);
        if (deadLetter is null)
        {
            return Refused(ReplayStatus.NotFound, $"No delivery '{deliveryId}' in tenant '{tenant}'.");
        }

        if (deadLetter.State != DeliveryState.Failed)
        {
            return Refused(ReplayStatus.NotDeadLetter, $"Delivery '{deliveryId}' is {DeliveryLog.Name(deadLetter.State)}; only failed deliveries (dead letters) are replayed.");
        }

        if (deadLetter.ReplayedAs is { } replay)
        {
            return Refused(ReplayStatus.AlreadyReplayed, $"Delivery '{deliveryId}' was replayed as '{replay}'; replay that one if it failed too.");
        }

        if (await log.LoadWorkAsync(tenant, deliveryId, cancellationToken).ConfigureAwait(false) is not { } kept)
        {
            return Refused(ReplayStatus.PayloadMissing, $"The work of delivery '{deliveryId}' is no longer stored.");
        }

        var replayId = DeliveryIds.New(time.GetUtcNow());
        await log.MarkReplayedAsync(deadLetter, replayId, cancellationToken).ConfigureAwait(false);
        LogReplaying(logger, deliveryId, replayId, deadLetter.Kind);
        await work.RunAsync(kept, scheduler, cancellationToken).ConfigureAwait(false);
        var history = await log.GetHistoryAsync(tenant, replayId, cancellationToken).ConfigureAwait(false);
        return new DeliveryReplayed { Status = ReplayStatus.Replayed, ReplayId = replayId, FirstAttempt = history is { Attempts.Count: > 0 } ? history.Attempts[0] : null };
    }

    private static DeliveryReplayed Refused(ReplayStatus status, string detail) => new() { Status = status, Detail = detail };

    [LoggerMessage(Level = LogLevel.Information, Message = "Dead letter {DeliveryId} ({Kind}) replayed as {ReplayId}")]
    private static partial void LogReplaying(ILogger logger, string deliveryId, string replayId, AttemptKind kind);
}
