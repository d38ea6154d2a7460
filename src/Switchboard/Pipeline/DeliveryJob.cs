using Switchboard.Events;

namespace Switchboard.Pipeline;

/// <summary>
/// One attempt to run: which delivery, of which event, through which trigger, and which attempt it is. It travels
/// between attempts as work of kind <see cref="WorkKind"/> (<see cref="ToWork"/>).
/// </summary>
public sealed record DeliveryJob
{
    /// <summary>The <see cref="PipelineWork.Kind"/> of delivery attempts.</summary>
    public const string WorkKind = "delivery";

    /// <summary>The delivery id (<see cref="DeliveryIds.For"/> for a first series), sent as <c>webhook-id</c>.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The tenant of the event and trigger.</summary>
    public required string Tenant { get; init; }

    /// <summary>The trigger to send through; it is read again (from the trigger cache) for every attempt.</summary>
    public required string TriggerId { get; init; }

    /// <summary>The event to send.</summary>
    public required CanonicalEvent Event { get; init; }

    /// <summary>The attempt number, 1 for the first.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When the first attempt ran (or is about to); the exponential policy's 7-day window counts from it.</summary>
    public required DateTimeOffset FirstAttemptAt { get; init; }

    /// <summary>The dead letter this delivery replays, if it is a replay.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>
    /// True only when the caller knows no attempt of this delivery can exist yet — its event's queue message is
    /// received for the first time — so the idempotency read of the attempt log is skipped. Never persisted: a
    /// scheduled attempt always checks the log.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NoPriorAttempt { get; init; }

    /// <summary>The first attempt of <paramref name="canonical"/> through trigger <paramref name="triggerId"/>, at <paramref name="now"/>.</summary>
    public static DeliveryJob First(CanonicalEvent canonical, string triggerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return new DeliveryJob
        {
            DeliveryId = DeliveryIds.For(canonical.Id, triggerId),
            Tenant = canonical.Tenant,
            TriggerId = triggerId,
            Event = canonical,
            FirstAttemptAt = now,
        };
    }

    /// <summary>The job of attempt <paramref name="attempt"/> of the same delivery.</summary>
    public DeliveryJob At(int attempt) => this with { Attempt = attempt, NoPriorAttempt = false };

    /// <summary>The job as scheduled work, its id the delivery id and attempt.</summary>
    public PipelineWork ToWork() => PipelineWork.Of(WorkKind, $"{DeliveryId}-{Attempt}", this);

    /// <summary>Reads the job from scheduled work; throws <see cref="PoisonMessageException"/> when the work is not one.</summary>
    public static DeliveryJob FromWork(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Read<DeliveryJob>(WorkKind);
    }
}
