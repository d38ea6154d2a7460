namespace Switchboard.Delivery;

/// <summary>Where a series stands when a run comes to it (<see cref="AttemptEngine.BeginAsync"/>), and the attempt to make if one is due.</summary>
public sealed record AttemptTurn
{
    /// <summary>The series.</summary>
    public required AttemptPlan Plan { get; init; }

    /// <summary>Due, already recorded (or settled), or waiting for its retry.</summary>
    public required AttemptTurnStatus Status { get; init; }

    /// <summary>The delivery id the attempt is recorded under: the plan's, or the id of the replay that took its dead letter over.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The dead letter the recorded delivery replays, if any.</summary>
    public string? ReplayOf { get; init; }

    /// <summary>The attempt to make when <see cref="Status"/> is due.</summary>
    public required int Attempt { get; init; }

    /// <summary>When the series' first attempt started.</summary>
    public required DateTimeOffset FirstAttemptAt { get; init; }

    /// <summary>The log's summary before this attempt; null for a new delivery.</summary>
    public DeliveryRecord? Previous { get; init; }
}
