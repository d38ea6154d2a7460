namespace Switchboard.Delivery;

/// <summary>One page of the attempt log's deliveries.</summary>
/// <param name="Items">The deliveries on this page.</param>
/// <param name="Continuation">Pass back for the next page; null on the last.</param>
public sealed record DeliveryPage(IReadOnlyList<DeliveryRecord> Items, string? Continuation);
