using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Email;

/// <summary>
/// One attempt to send a session's outcome email: the session, the recipient chosen when the first attempt was made,
/// the archive blobs the message is made of, and which attempt it is. Carried between attempts as the payload of a
/// <see cref="PipelineWork"/> of kind <see cref="WorkKind"/>.
/// </summary>
public sealed record SessionEmailJob
{
    /// <summary>The <see cref="PipelineWork.Kind"/> of email attempts.</summary>
    public const string WorkKind = "session-email";

    /// <summary>The target the attempt log names for outcome emails.</summary>
    public const string Target = "session-outcome";

    /// <summary>The prefix of every outcome email's delivery id.</summary>
    public const string DeliveryIdPrefix = "eml_";

    /// <summary>The delivery id in the attempt log: <see cref="DeliveryIdFor"/> of the session.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The session's tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The session's channel.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's session id.</summary>
    public required string SessionId { get; init; }

    /// <summary>The source of the session (ccai, webitel …), for the attempt log.</summary>
    public string? Source { get; init; }

    /// <summary>The recipient, as the settings gave it for the first attempt; retries keep it.</summary>
    public required string To { get; init; }

    /// <summary>The metadata file's blob name in the archive container; it is read again for every attempt.</summary>
    public required string MetadataBlob { get; init; }

    /// <summary>The chat transcript's blob name, attached when it exists; null for sessions without one.</summary>
    public string? TranscriptBlob { get; init; }

    /// <summary>The attempt number, 1 for the first.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When the first attempt ran (or is about to).</summary>
    public required DateTimeOffset FirstAttemptAt { get; init; }

    /// <summary>The session the email is about.</summary>
    [JsonIgnore]
    public SessionKey Session => new(Tenant, Channel, SessionId);

    /// <summary>
    /// The delivery id of a session's outcome email: <c>eml_</c> and 32 hex digits of a SHA-256 of the session's
    /// tenant, channel and id, so every export of one session finds the same log entry and sends at most once.
    /// </summary>
    public static string DeliveryIdFor(SessionKey session)
    {
        ArgumentNullException.ThrowIfNull(session);

        // The separator cannot occur in a tenant or channel, so distinct sessions never hash the same text.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{session.Tenant}\n{session.Channel}\n{session.SessionId}"));
        return DeliveryIdPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Reads the job from scheduled work; throws <see cref="PoisonMessageException"/> when the work is not one.</summary>
    public static SessionEmailJob FromWork(PipelineWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Read<SessionEmailJob>(WorkKind);
    }

    /// <summary>The job as scheduled work, its id the delivery id and attempt.</summary>
    public PipelineWork ToWork() => PipelineWork.Of(WorkKind, $"{DeliveryId}-{Attempt}", this);

    /// <summary>The job of attempt <paramref name="attempt"/> of the same email.</summary>
    public SessionEmailJob At(int attempt) => this with { Attempt = attempt };
}
