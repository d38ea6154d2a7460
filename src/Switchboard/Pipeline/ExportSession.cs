using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Events;
using Switchboard.Sessions;
using Switchboard.Storage;

namespace Switchboard.Pipeline;

/// <summary>
/// The export step both hosts run when a session's export is due: reads the session's journal, copies
/// its media, recordings and voicemails, and writes the chat transcript and the metadata file in the UJET layout under
/// <see cref="ExportOptions.FolderPath"/> of <see cref="ExportOptions.Container"/>.
/// <para>
/// Idempotent: media already archived is not fetched again, and the transcript and metadata are rewritten only when
/// their content changed — each carries a hash of its content (for the metadata, of everything but
/// <c>generatedAt</c>) in the blob metadata — so a second run over the same journal leaves every blob, ETag and
/// <c>generatedAt</c> as they were, while an event journaled since rewrites the metadata. A media URL that fails is
/// recorded in the metadata's diagnostics and does not fail the export; storage failures throw, so the host retries.
/// </para>
/// </summary>
public sealed partial class ExportSession(
    SessionJournal journal,
    BlobServiceClient blobs,
    MediaCopier copier,
    SessionMetadataBuilder builder,
    IOptions<ExportOptions> options,
    ILogger<ExportSession> logger)
{
    /// <summary>The blob metadata entry holding the hex SHA-256 of what a transcript or metadata file says.</summary>
    public const string ContentHashMetadata = "switchboardcontenthash";

    /// <summary>Exports the session of <paramref name="job"/>; nothing is written when its journal is empty.</summary>
    public async Task<SessionExported> RunAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var settings = options.Value;
        var session = job.Session;
        var events = await journal.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        if (events.Count == 0)
        {
            LogNothingJournaled(logger, session.PartitionKey);
            return new SessionExported { Tenant = job.Tenant, Channel = job.Channel, SessionId = job.SessionId, EventCount = 0 };
        }

        var container = blobs.GetBlobContainerClient(settings.Container);
        var written = new List<string>();
        var unchanged = new List<string>();
        var failures = new List<MediaCopyFailure>();
        foreach (var media in ArchiveMedia.In(session, events))
        {
            var blob = container.GetBlobClient(ArchiveLayout.Resolve(settings.FolderPath, session.Tenant, media.File));
            var copied = await copier.CopyAsync(media.Url, blob, media.DefaultContentType, cancellationToken).ConfigureAwait(false);
            if (copied.Error is { } error)
            {
                LogMediaNotCopied(logger, session.PartitionKey, media.File, media.EventId, error, copied.Message);
                failures.Add(new MediaCopyFailure
                {
                    File = media.File,
                    EventId = media.EventId,
                    Error = error,
                    Message = copied.Message ?? error,
                    StatusCode = copied.StatusCode,
                });
            }
            else
            {
                (copied.AlreadyArchived ? unchanged : written).Add(blob.Name);
            }
        }

        if (session.Channel == SessionChannels.Chat && SessionTranscript.Render(events) is { } transcript)
        {
            var bytes = Encoding.UTF8.GetBytes(transcript);
            var blob = container.GetBlobClient(ArchiveLayout.Resolve(settings.FolderPath, session.Tenant, ArchiveLayout.Transcript(session)));
            var changed = await WriteIfChangedAsync(blob, bytes, Hash(bytes), "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
            (changed ? written : unchanged).Add(blob.Name);
        }

        var metadata = builder.Build(session, events, failures);

        // generatedAt is left out of the comparison: a run that finds nothing new keeps the file as it is.
        var identity = Serialize(metadata with { Diagnostics = metadata.Diagnostics with { GeneratedAt = DateTimeOffset.UnixEpoch } });
        var metadataBlob = container.GetBlobClient(ArchiveLayout.Resolve(settings.FolderPath, session.Tenant, ArchiveLayout.Metadata(session)));
        var rewritten = await WriteIfChangedAsync(metadataBlob, Serialize(metadata), Hash(identity), "application/json", cancellationToken).ConfigureAwait(false);
        (rewritten ? written : unchanged).Add(metadataBlob.Name);

        LogExported(logger, session.PartitionKey, events.Count, written.Count, unchanged.Count, failures.Count);
        return new SessionExported
        {
            Tenant = job.Tenant,
            Channel = job.Channel,
            SessionId = job.SessionId,
            EventCount = events.Count,
            MetadataBlob = metadataBlob.Name,
            Written = written,
            Unchanged = unchanged,
            MediaFailures = failures,
        };
    }

    private static byte[] Serialize(SessionMetadata metadata) =>
        JsonSerializer.SerializeToUtf8Bytes(metadata, SessionJsonContext.Files.SessionMetadata);

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Writes <paramref name="content"/> unless the blob already carries <paramref name="hash"/>; true when it wrote.</summary>
    private static async Task<bool> WriteIfChangedAsync(BlobClient blob, byte[] content, string hash, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.Metadata.TryGetValue(ContentHashMetadata, out var stored) && string.Equals(stored, hash, StringComparison.Ordinal))
            {
                return false;
            }
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
        }

        await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { [ContentHashMetadata] = hash },
            },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export of session {Session}: nothing is journaled, nothing written")]
    private static partial void LogNothingJournaled(ILogger logger, string session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export of session {Session}: {File} (event {EventId}) not copied: {Error} {Reason}")]
    private static partial void LogMediaNotCopied(ILogger logger, string session, string file, string eventId, string error, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported session {Session}: {Events} events, {Written} blobs written, {Unchanged} unchanged, {Failures} media failures")]
    private static partial void LogExported(ILogger logger, string session, int events, int written, int unchanged, int failures);
}
