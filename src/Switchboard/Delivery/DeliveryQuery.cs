namespace Switchboard.Delivery;

/// <summary>Which deliveries of a tenant to list; the criteria given must all hold.</summary>
public sealed record DeliveryQuery
{
    /// <summary>Only deliveries of this kind (webhooks, CRM calls, emails).</summary>
    public AttemptKind? Kind { get; init; }

    /// <summary>Only this trigger's deliveries.</summary>
    public string? TriggerId { get; init; }

    /// <summary>Only this event's deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>Only deliveries in this state (<see cref="DeliveryState.Failed"/> lists the dead letters).</summary>
    public DeliveryState? State { get; init; }
}
