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
/// The first attempt runs at once; transient failures are retried with the linear policy through
/// <see cref="IPipelineScheduler.ScheduleWorkAsync"/>; every attempt is recorded in the <c>Deliveries</c> log under
/// trigger <see cref="SessionEmailJob.TriggerId"/>.
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
    DeliveryLog log,
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
        var previous = await log.GetAsync(job.Tenant, job.DeliveryId, cancellationToken).ConfigureAwait(false);
        if (IsSettled(job, previous))
        {
            return await SkipAsync(job, previous!, scheduler, cancellationToken).ConfigureAwait(false);
        }

        var lease = emailOptions.Value.Timeout + ClaimMargin;
        if (await claims.TryClaimAsync(job.Tenant, job.DeliveryId, job.Attempt, lease, cancellationToken).ConfigureAwait(false) is { } busyUntil)
        {
            LogClaimedElsewhere(logger, job.DeliveryId, job.Attempt, busyUntil);
            await scheduler.ScheduleWorkAsync(job.ToWork(), busyUntil, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // The run that held the claim before this one may have recorded the attempt after our first look.
        previous = await log.GetAsync(job.Tenant, job.DeliveryId, cancellationToken).ConfigureAwait(false);
        if (IsSettled(job, previous))
        {
            await claims.ReleaseAsync(job.Tenant, job.DeliveryId, job.Attempt, cancellationToken).ConfigureAwait(false);
            return await SkipAsync(job, previous!, scheduler, cancellationToken).ConfigureAwait(false);
        }

        var attemptedAt = time.GetUtcNow();
        var outcome = await AttemptAsync(job, metadataJson, cancellationToken).ConfigureAwait(false);
        var decision = EmailRetry.Decide(emailOptions.Value.Attempts, job.Attempt, outcome, time.GetUtcNow());
        var attempted = new DeliveryAttempted
        {
            DeliveryId = job.DeliveryId,
            Tenant = job.Tenant,
            TriggerId = SessionEmailJob.TriggerId,
            EventId = job.Session.FileStem,
            Attempt = job.Attempt,
            AttemptedAt = attemptedAt,
            Method = "SMTP",
            Url = "mailto:" + job.To,
            StatusCode = outcome.ReplyCode,
            LatencyMs = (long)outcome.Latency.TotalMilliseconds,
            Error = outcome.Error,
            ErrorMessage = outcome.Succeeded ? null : outcome.Message,
            State = decision.State,
            NextRetryAt = decision.RetryAt,
        };
        var summary = new DeliveryRecord
        {
            DeliveryId = job.DeliveryId,
            Tenant = job.Tenant,
            TriggerId = SessionEmailJob.TriggerId,
            EventId = attempted.EventId,
            EventType = EventType,
            Source = job.Source,
            State = decision.State,
            Attempts = Math.Max(job.Attempt, previous?.Attempts ?? 0),
            FirstAttemptAt = previous?.FirstAttemptAt ?? job.FirstAttemptAt,
            LastAttemptAt = attemptedAt,
            LastStatusCode = attempted.StatusCode,
            LastError = attempted.Error,
            LastErrorMessage = attempted.ErrorMessage,
            NextRetryAt = decision.RetryAt,
        };
        if (!await log.RecordAsync(attempted, summary, previous, payload: null, cancellationToken).ConfigureAwait(false))
        {
            LogConcurrentAttempt(logger, job.DeliveryId, job.Attempt);
        }

        await claims.ReleaseAsync(job.Tenant, job.DeliveryId, job.Attempt, cancellationToken).ConfigureAwait(false);

        switch (decision.State)
        {
            case DeliveryState.Delivered:
                LogSent(logger, job.DeliveryId, job.Session.PartitionKey, job.Attempt, attempted.LatencyMs);
                break;
            case DeliveryState.Retrying:
                LogRetrying(logger, job.DeliveryId, job.Session.PartitionKey, job.Attempt, Describe(outcome), decision.RetryAt!.Value);
                await scheduler.ScheduleWorkAsync(job.Next().ToWork(), decision.RetryAt.Value, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogFailed(logger, job.DeliveryId, job.Session.PartitionKey, job.Attempt, Describe(outcome));
                break;
        }

        return attempted;
    }

    // The attempt is recorded already, or the email is delivered or failed for good.
    private static bool IsSettled(SessionEmailJob job, DeliveryRecord? previous) =>
        previous is not null && (previous.State != DeliveryState.Retrying || previous.Attempts >= job.Attempt);

    private async Task<DeliveryAttempted> SkipAsync(SessionEmailJob job, DeliveryRecord previous, IPipelineScheduler scheduler, CancellationToken cancellationToken)
    {
        LogAlreadyRecorded(logger, job.DeliveryId, job.Attempt, previous.State);

        // A run that recorded this very attempt may have stopped before scheduling the next; scheduling it again is
        // harmless, since that attempt is skipped in turn once recorded.
        if (previous.State == DeliveryState.Retrying && previous.Attempts == job.Attempt && previous.NextRetryAt is { } due)
        {
            await scheduler.ScheduleWorkAsync(job.Next().ToWork(), due, cancellationToken).ConfigureAwait(false);
        }

        return DeliveryAttempted.From(previous);
    }

    private async Task<SmtpOutcome> AttemptAsync(SessionEmailJob job, string? metadataJson, CancellationToken cancellationToken)
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


    private static string Describe(SmtpOutcome outcome) =>
        outcome.Error == AttemptError.None ? outcome.Message ?? $"SMTP {outcome.ReplyCode}" : $"{outcome.Error}: {outcome.Message}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email of session {Session}: metadata file {Blob} not found; nothing sent")]
    private static partial void LogMetadataMissing(ILogger logger, string session, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email of session {Session}: not sent, its status is {Status} (only completed sessions are emailed)")]
    private static partial void LogNotCompleted(ILogger logger, string session, SessionOutcome? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email of session {Session} (queue {Queue}): not sent, the settings give no address ({Case})")]
    private static partial void LogNoRecipient(ILogger logger, string session, string? queue, EmailInheritanceCase @case);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email {DeliveryId} attempt {Attempt} skipped: the log already records it ({State})")]
    private static partial void LogAlreadyRecorded(ILogger logger, string deliveryId, int attempt, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email {DeliveryId} attempt {Attempt} is being made by another run; looking again at {RetryAt:O}")]
    private static partial void LogClaimedElsewhere(ILogger logger, string deliveryId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email {DeliveryId} attempt {Attempt} was recorded by a concurrent run; this run's record was dropped")]
    private static partial void LogConcurrentAttempt(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email {DeliveryId}: transcript {Blob} not found; sent without it")]
    private static partial void LogTranscriptMissing(ILogger logger, string deliveryId, string blob);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcome email {DeliveryId} of session {Session} sent on attempt {Attempt} in {LatencyMs} ms")]
    private static partial void LogSent(ILogger logger, string deliveryId, string session, int attempt, long latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email {DeliveryId} of session {Session} attempt {Attempt} failed ({Outcome}); retrying at {RetryAt:O}")]
    private static partial void LogRetrying(ILogger logger, string deliveryId, string session, int attempt, string outcome, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outcome email {DeliveryId} of session {Session} failed on attempt {Attempt} ({Outcome}); not retried")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string session, int attempt, string outcome);
}
