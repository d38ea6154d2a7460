using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>What running a <see cref="CrmCall"/> came to; for a call sent now, the attempt still to be recorded.</summary>
public sealed record CrmCallResult
{
    /// <summary>Sent now, done or dead earlier, or waiting for its retry.</summary>
    public required CrmCallStatus Status { get; init; }

    /// <summary>When the waiting call's retry is due.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The response of a call sent now.</summary>
    public CrmResponse? Response { get; init; }

    /// <summary>The attempt of a call sent now, as it will be recorded.</summary>
    public DeliveryAttempted? Attempt { get; init; }

    /// <summary>The call's summary before this attempt, as the log had it.</summary>
    public DeliveryRecord? Previous { get; init; }

    /// <summary>True when the call was sent now and the CRM accepted it (for searches, 404 counts: none found).</summary>
    public bool Delivered => Status == CrmCallStatus.Sent && Attempt?.State == DeliveryState.Delivered;

    /// <summary>True when the call was sent now and found nothing (404 to a search).</summary>
    public bool NotFound => Delivered && Response?.Outcome.StatusCode == 404;
}
