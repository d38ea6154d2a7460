using Switchboard.Events;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>Which comment on the CRM record, if any, an event of the session brings (<see cref="CrmOccasion"/>).</summary>
internal static class CrmOccasions
{
    /// <summary>
    /// The comment <paramref name="canonical"/> brings: a transfer, a disposition or a rating by its type and fields;
    /// start and end only when the caller says it is the session's first starting (<paramref name="firstStart"/>) or
    /// ending (<paramref name="firstEnd"/>) event.
    /// </summary>
    public static CrmOccasion? Of(CanonicalEvent canonical, bool firstStart = false, bool firstEnd = false)
    {
        if (firstStart)
        {
            return CrmOccasion.Start;
        }

        if (firstEnd)
        {
            return CrmOccasion.End;
        }

        if (canonical.Type is "Transfer_Call" or "Transfer_Chat")
        {
            return CrmOccasion.Transfer;
        }

        var fields = PayloadValues.CcaiFields(canonical.Data);
        if (canonical.Type == "InteractionDisposition" || fields.TextOf("disposition_code") is not null || fields.TextOf("disposition") is not null)
        {
            return CrmOccasion.Disposition;
        }

        return fields.TextOf("rating") is not null ? CrmOccasion.Rating : null;
    }
}
