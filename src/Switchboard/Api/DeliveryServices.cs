using Switchboard.Delivery;
using Switchboard.Pipeline;

namespace Switchboard.Api;

/// <summary>What the attempt log API needs: the log, and the replay step.</summary>
/// <param name="Log">The attempt log.</param>
/// <param name="Replay">The replay of dead letters.</param>
public sealed record DeliveryServices(DeliveryLog Log, ReplayDelivery Replay);
