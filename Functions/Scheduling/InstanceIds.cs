using System.Security.Cryptography;
using System.Text;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Functions.Scheduling;

/// <summary>
/// The instance ids of the orchestrations later work runs as, and when an export starts again. The instance id is the
/// idempotency: scheduling work whose instance is still running is refused by the task hub
/// (OrchestrationAlreadyExistsException), and an instance that completed is replaced by the new one.
/// </summary>
public static class InstanceIds
{
    /// <summary>The longest instance id the Durable Functions client accepts.</summary>
    public const int MaxLength = 256;

    /// <summary>The Deliver orchestration of a delivery: its delivery id, so one delivery never retries twice at once.</summary>
    public static string For(DeliveryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Shorten(SessionKey.Escape(job.DeliveryId, string.Empty));
    }

    /// <summary>
    /// The ExportSession orchestration of a session: <c>export-{tenant}|{channel}-{sessionId}</c>
    /// (<c>export-default|call-103646</c>), the session's journal partition key after <c>export-</c>. The tenant is part
    /// of it because two tenants' platforms may number their calls alike.
    /// </summary>
    public static string For(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Shorten($"export-{SessionKey.Escape(job.Tenant, "|")}|{SessionKey.Escape(job.Channel, "|-")}-{SessionKey.Escape(job.SessionId, string.Empty)}");
    }

    /// <summary>
    /// An extra ExportSession orchestration of the session (see <see cref="ExportsAgain"/>), distinct from the session's
    /// own and from every other <paramref name="repeat"/>.
    /// </summary>
    public static string Repeat(ExportJob job, Guid repeat) => Shorten($"{For(job)}~{repeat:N}");

    /// <summary>
    /// The Work orchestration of a piece of work: <c>work-{kind}|{id}</c> (<c>work-session-email|eml_…-2</c>); the work's
    /// id is stable, so scheduling it twice finds the same instance.
    /// </summary>
    public static string For(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Shorten($"work-{SessionKey.Escape(work.Kind, "|")}|{SessionKey.Escape(work.Id, string.Empty)}");
    }

    /// <summary>
    /// Whether an export due at <paramref name="dueAt"/> runs once more when the session's orchestration is still running
    /// at <paramref name="now"/>. Before the due time the running instance has yet to read the journal, so it exports the
    /// new event too; from then on it may have read it already — an event arriving late, while that export runs, would be
    /// left out — so the host starts an extra export (<see cref="Repeat"/>). Exports are idempotent, so an
    /// unneeded extra one rewrites nothing.
    /// </summary>
    public static bool ExportsAgain(DateTimeOffset dueAt, DateTimeOffset now) => dueAt <= now;

    // Parts are escaped as journal keys are (SessionKey.Escape: '%', '/ \ # ?', control characters and the separators
    // within a part), so ids stay legal and distinct; an id over the limit keeps its start and ends in a hash of the whole.
    private static string Shorten(string id)
    {
        if (id.Length <= MaxLength)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        var keep = MaxLength - hash.Length - 1;

        // Never cut between the halves of a surrogate pair.
        if (char.IsHighSurrogate(id[keep - 1]))
        {
            keep--;
        }

        return $"{id[..keep]}~{hash}";
    }
}
