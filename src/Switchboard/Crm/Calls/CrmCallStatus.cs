namespace Switchboard.Crm.Calls;

/// <summary>Where a CRM call stands when a sync run comes to it.</summary>
public enum CrmCallStatus
{
    /// <summary>The call was made now; the result carries the response and the attempt to record.</summary>
    Sent,

    /// <summary>An earlier run made the call and it succeeded; nothing was sent.</summary>
    Done,

    /// <summary>The call failed for good earlier (a dead letter); nothing was sent.</summary>
    Dead,

    /// <summary>The call's next retry is not due yet; nothing was sent.</summary>
    Waiting,
}
