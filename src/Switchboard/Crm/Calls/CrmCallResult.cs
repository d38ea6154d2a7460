using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>What running a <see cref="CrmCall"/> came to; for a call sent now, the attempt still to be recorded.</summary>
public sealed record CrmCallResult
{
    /// <summary>Sent now, done or dead earlier, or waiting for its retry.</summary>
    public required CrmCallStatus Status { get; init; }

    /// <summary>Where the call's series stood when the run came to it.</summary>
    public required AttemptTurn Turn { get; init; }

    /// <summary>When the waiting call's retry is due.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The response of a call sent now.</summary>
    public CrmResponse? Response { get; init; }

    /// <summary>The call sent now, as it will be recorded.</summary>
    public AttemptMade? Made { get; init; }

    /// <summary>What the policy says follows the call sent now.</summary>
    public DeliveryDecision? Decision { get; init; }

    /// <summary>True when the call was sent now and the CRM accepted it (for searches, 404 counts: none found).</summary>
    public bool Delivered => Status == CrmCallStatus.Sent && Decision?.State == DeliveryState.Delivered;

    /// <summary>True when the call was sent now and found nothing (404 to a search).</summary>
    public bool NotFound => Delivered && Response?.Outcome.StatusCode == 404;
}
