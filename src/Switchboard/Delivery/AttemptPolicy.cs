namespace Switchboard.Delivery;

/// <summary>
/// What follows attempt <paramref name="attempt"/> (1 for the first) that ended in <paramref name="outcome"/>, given when
/// the series began and the time now: delivered, a retry at a time, or failed for good. A pure function.
/// </summary>
/// <param name="attempt">The attempt's number.</param>
/// <param name="outcome">How it went.</param>
/// <param name="firstAttemptAt">When the series' first attempt started (time windows count from it).</param>
/// <param name="now">The time now.</param>
public delegate DeliveryDecision AttemptPolicy(int attempt, AttemptOutcome outcome, DateTimeOffset firstAttemptAt, DateTimeOffset now);
