using System.Text.Json.Serialization;
using Switchboard.Sessions;

namespace Switchboard.Pipeline;

/// <summary>
/// One session to export (<see cref="ExportSession"/>): hosts carry it from <see cref="ExportDue"/> to the run, as a
/// delayed queue message or a durable orchestration's input.
/// </summary>
public sealed record ExportJob
{
    /// <summary>The session's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The session's channel: call, chat, email, task or a platform's own name.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The session the job exports.</summary>
    [JsonIgnore]
    public SessionKey Session => new(Tenant, Channel, SessionId);
}
