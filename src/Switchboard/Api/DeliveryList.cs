using Switchboard.Delivery;

namespace Switchboard.Api;

/// <summary>A page of deliveries as the API returns it.</summary>
/// <param name="Items">The deliveries.</param>
/// <param name="Continuation">Pass as <c>?continuation=</c> for the next page; null on the last.</param>
public sealed record DeliveryList(IReadOnlyList<DeliveryRecord> Items, string? Continuation);
