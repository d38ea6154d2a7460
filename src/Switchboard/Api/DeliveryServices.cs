using Switchboard.Delivery;
using Switchboard.Pipeline;

namespace Switchboard.Api;

/// <summary>What the delivery handlers need, bound with [AsParameters].</summary>
/// <param name="Log">The attempt log.</param>
/// <param name="Delivery">The delivery step, for replays.</param>
public sealed record DeliveryServices(DeliveryLog Log, AttemptDelivery Delivery);
