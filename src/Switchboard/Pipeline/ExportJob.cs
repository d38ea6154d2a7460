using System.Text.Json.Serialization;
using Switchboard.Sessions;

namespace Switchboard.Pipeline;

/// <summary>
/// One session to export (<see cref="ExportSession"/>), carried from <see cref="ExportDue"/> to the run as work of
/// kind <see cref="WorkKind"/> (<see cref="ToWork"/>).
/// </summary>
public sealed record ExportJob
{
    /// <summary>The <see cref="PipelineWork.Kind"/> of exports.</summary>
    public const string WorkKind = "export";

    /// <summary>The session's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The session's channel: call, chat, email, task or a platform's own name.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session the job exports.</summary>
    [JsonIgnore]
    public SessionKey Session => new(Tenant, Channel, SessionId);

    /// <summary>The job as scheduled work, its id the session's key.</summary>
    public PipelineWork ToWork() => PipelineWork.Of(WorkKind, Session.PartitionKey, this);

    /// <summary>Reads the job from scheduled work; throws <see cref="PoisonMessageException"/> when the work is not one.</summary>
    public static ExportJob FromWork(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Read<ExportJob>(WorkKind);
    }
}
