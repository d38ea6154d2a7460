using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Email;

/// <summary>
/// The session-outcome email step ("Aggiornamento del record CRM via email"): after a session's export,
/// a completed session — never a failed or abandoned one — is emailed to the address the tenant's settings give its
/// queue (<see cref="EmailInheritance"/>), with the metadata JSON as the body and, for chats, the transcript attached.
/// The first attempt runs at once; transient failures are retried with the linear policy (<see cref="EmailRetry"/>).
/// The <see cref="AttemptEngine"/> makes, records and schedules every attempt, as kind email with target
/// <see cref="SessionEmailJob.Target"/>.
/// <para>
/// Idempotent per session: the delivery id derives from the session (<see cref="SessionEmailJob.DeliveryIdFor"/>),
/// an attempt the log already records is not made again, and two runs at once (two exports of one session) cannot
/// both make the same attempt (<see cref="EmailAttemptClaims"/>), so a re-export or a repeated job sends nothing more.
/// Storage failures throw, so the host runs the step again; SMTP failures are the attempt's outcome.
/// </para>
/// </summary>
public sealed partial class SendSessionEmail(
    EmailSettingsStore settings,
    EmailAttemptClaims claims,
    SmtpEmailSender sender,
    AttemptEngine engine,
    BlobServiceClient blobs,
    IOptions<EmailOptions> emailOptions,
    IOptions<ExportOptions> exportOptions,
    TimeProvider time,
    ILogger<SendSessionEmail> logger)
{
    /// <summary>The event type the attempt log shows for outcome emails.</summary>
    public const string EventType = "SessionOutcomeEmail";

    /// <summary>How much longer than <see cref="EmailOptions.Timeout"/> a claim on an attempt lasts: reading the archive and recording take time too.</summary>
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sends the outcome email of an exported session when email is on (<see cref="EmailOptions.Enabled"/>), the
    /// session completed and its settings give an address; returns the first attempt (or the one the log already
    /// holds), or null when no email is due or another run is making the attempt.
    /// </summary>
    public async Task<DeliveryAttempted?> StartAsync(SessionExported exported, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exported);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!emailOptions.Value.Enabled || exported.MetadataBlob is not { } metadataBlob)
        {
            return null;
        }

        var session = new SessionKey(exported.Tenant, exported.Channel, exported.SessionId);
        var archive = Archive();
        string metadataJson;
        try
        {
            metadataJson = (await archive.GetBlobClient(metadataBlob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            LogMetadataMissing(logger, session.PartitionKey, metadataBlob);
            return null;
        }

        var metadata = JsonSerializer.Deserialize(metadataJson, SessionJsonContext.Files.SessionMetadata);
        if (metadata?.Status != SessionOutcome.Completed)
        {
            LogNotCompleted(logger, session.PartitionKey, metadata?.Status);
            return null;
        }

        var destination = await settings.ResolveAsync(session.Tenant, metadata.Queue, cancellationToken).ConfigureAwait(false);
        if (destination.Address is not { } to)
        {
            LogNoRecipient(logger, session.PartitionKey, metadata.Queue?.Id ?? metadata.Queue?.Name, destination.Case);
            return null;
        }

        var transcript = ArchiveLayout.Resolve(exportOptions.Value.FolderPath, session.Tenant, ArchiveLayout.Transcript(session));
        var job = new SessionEmailJob
        {
            DeliveryId = SessionEmailJob.DeliveryIdFor(session),
            Tenant = session.Tenant,
            Channel = session.Channel,
            SessionId = session.SessionId,
            Source = metadata.Source,
            To = to,
            MetadataBlob = metadataBlob,
            TranscriptBlob = session.Channel == SessionChannels.Chat && (exported.Written.Contains(transcript) || exported.Unchanged.Contains(transcript)) ? transcript : null,
            FirstAttemptAt = time.GetUtcNow(),
        };
        return await RunAsync(job, metadataJson, scheduler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the attempt of <paramref name="job"/> unless the log already records it or the email is settled
    /// (delivered or failed), and schedules the next attempt when the policy asks for one. While another run holds the
    /// attempt (<see cref="EmailAttemptClaims"/>), schedules this job to look again when that claim would go stale and
    /// returns null.
    /// </summary>
    public Task<DeliveryAttempted?> RunAsync(SessionEmailJob job, IPipelineScheduler scheduler, CancellationToken cancellationToken = default) =>
        RunAsync(job, metadataJson: null, scheduler, cancellationToken);

    private async Task<DeliveryAttempted?> RunAsync(SessionEmailJob job, string? metadataJson, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(job.Attempt, 1);
        var retries = emailOptions.Value.Attempts;
        var plan = new AttemptPlan
        {
            DeliveryId = job.DeliveryId,
            Tenant = job.Tenant,
            Kind = AttemptKind.Email,
            Target = SessionEmailJob.Target,
            EventId = job.Session.FileStem,
            EventType = EventType,
            Source = job.Source,
            Attempt = job.Attempt,
            FirstAttemptAt = job.FirstAttemptAt,
            Policy = (attempt, outcome, _, now) => EmailRetry.Decide(retries, attempt, outcome, now),
            Work = attempt => job.At(attempt).ToWork(),
        };

        // The claim names the attempt the log will record — a replay's own id and number — so a replay never waits on
        // the claim of the dead letter it replays.
        var turn = await engine.BeginAsync(plan, cancellationToken).ConfigureAwait(false);
        var lease = emailOptions.Value.Timeout + ClaimMargin;
        if (turn.Status == AttemptTurnStatus.Due
            && await claims.TryClaimAsync(job.Tenant, turn.DeliveryId, turn.Attempt, lease, cancellationToken).ConfigureAwait(false) is { } busyUntil)
        {
            LogClaimedElsewhere(logger, turn.DeliveryId, turn.Attempt, busyUntil);
            await scheduler.ScheduleAsync(job.ToWork(), busyUntil, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // The engine reads the log again: the run that held the claim before this one may have recorded the attempt.
        var attempted = await engine.RunAsync(plan, (due, token) => AttemptAsync(job with { DeliveryId = due.DeliveryId }, metadataJson, token), scheduler, cancellationToken).ConfigureAwait(false);

        // Kept when the run fails midway: the attempt may have been sent, and the claim going stale is what allows another.
        if (turn.Status == AttemptTurnStatus.Due)
        {
            await claims.ReleaseAsync(job.Tenant, turn.DeliveryId, turn.Attempt, cancellationToken).ConfigureAwait(false);
        }

        return attempted;
    }

    private async Task<AttemptMade> AttemptAsync(SessionEmailJob job, string? metadataJson, CancellationToken cancellationToken) => new()
    {
        AttemptedAt = time.GetUtcNow(),
        Method = "SMTP",
        Url = "mailto:" + job.To,
        Outcome = (await SendAsync(job, metadataJson, cancellationToken).ConfigureAwait(false)).ToAttemptOutcome(),
    };

    private async Task<SmtpOutcome> SendAsync(SessionEmailJob job, string? metadataJson, CancellationToken cancellationToken)
    {
        var archive = Archive();
        if (metadataJson is null)
        {
            try
            {
                metadataJson = (await archive.GetBlobClient(job.MetadataBlob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            }
            catch (RequestFailedException exception) when (exception.IsNotFound())
            {
                return SmtpOutcome.Failure(AttemptError.Request, $"The metadata file {job.MetadataBlob} is no longer archived.");
            }
        }

        string? transcript = null;
        if (job.TranscriptBlob is { } transcriptBlob)
        {
            try
            {
                transcript = (await archive.GetBlobClient(transcriptBlob).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            }
            catch (RequestFailedException exception) when (exception.IsNotFound())
            {
                LogTranscriptMissing(logger, job.DeliveryId, transcriptBlob);
            }
        }

        var email = new SessionOutcomeEmail
        {
            To = job.To,
            Subject = SessionOutcomeEmail.SubjectFor(job.Channel, job.SessionId),
            Body = metadataJson,
            AttachmentName = transcript is null ? null : Path.GetFileName(job.TranscriptBlob),
            Attachment = transcript,
            MessageId = $"{job.DeliveryId}@switchboard",
        };
        return await sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
    }

    private BlobContainerClient Archive() => blobs.GetBlobContainerClient(exportOptions.Value.Container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email of session {Session}: metadata file {Blob} not found; nothing sent")]
    private static partial void LogMetadataMissing(ILogger logger, string session, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email of session {Session}: not sent, its status is {Status} (only completed sessions are emailed)")]
    private static partial void LogNotCompleted(ILogger logger, string session, SessionOutcome? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email of session {Session} (queue {Queue}): not sent, the settings give no address ({Case})")]
    private static partial void LogNoRecipient(ILogger logger, string session, string? queue, EmailInheritanceCase @case);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email {DeliveryId} attempt {Attempt} is being made by another run; looking again at {RetryAt:O}")]
    private static partial void LogClaimedElsewhere(ILogger logger, string deliveryId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email {DeliveryId}: transcript {Blob} not found; sent without it")]
    private static partial void LogTranscriptMissing(ILogger logger, string deliveryId, string blob);
}
