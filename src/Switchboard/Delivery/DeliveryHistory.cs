namespace Switchboard.Delivery;

/// <summary>A delivery with every attempt, oldest first.</summary>
/// <param name="Delivery">The summary.</param>
/// <param name="Attempts">The attempts in order.</param>
public sealed record DeliveryHistory(DeliveryRecord Delivery, IReadOnlyList<DeliveryAttempted> Attempts);
