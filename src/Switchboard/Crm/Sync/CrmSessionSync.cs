using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Crm.Calls;
using Switchboard.Crm.Lookup;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// Brings a session's CRM up to date with its journal ("API generica CRM personalizzata: flussi"), under the
/// session's lease so one run at a time calls the CRM:
/// <list type="number">
/// <item>Account: by id when the find-by-id URL carries <c>{ACCOUNT_ID}</c> and the session's events carry an id (a
/// 404 falls back to the query); else by query; none found, created.</item>
/// <item>Record: found by query when records are reused, else (or when none is found) created; then a
/// <c>CRM_Record_Pop</c> event with its <c>recordUrl</c> is queued into the pipeline.</item>
/// <item>Comments on the start, each transfer, disposition and rating, and the end.</item>
/// <item>Once the session is archived: the record updated, and the configured archive files uploaded (each, when
/// asked, with a comment).</item>
/// </list>
/// Every call is recorded in table <c>Deliveries</c> and keyed by what it is about, so a run repeats nothing that
/// succeeded; a call the exponential policy retries makes the run schedule itself for the retry, and a step that
/// cannot complete (a dead call) stops the steps that depend on it.
/// </summary>
public sealed partial class CrmSessionSync(
    CrmSettingsCatalog catalog,
    CrmSessionStore sessions,
    SessionJournal journal,
    SessionMetadataBuilder builder,
    CrmCalls calls,
    CrmRecordPop pop,
    CrmArchive archive,
    IOptions<CrmOptions> options,
    ILogger<CrmSessionSync> logger)
{
    /// <summary>True when <paramref name="settings"/> make calls to the CRM: enabled, with endpoints.</summary>
    public static bool IsActive(CrmSettings? settings) => settings is { Enabled: true } && settings.Endpoints.Any;

    /// <summary>
    /// True when <paramref name="canonical"/> gives the sync something to do: it starts or ends its session, is a
    /// transfer, or carries a disposition or rating.
    /// </summary>
    public static bool IsRelevant(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.Session?.Lifecycle is SessionLifecycle.Started or SessionLifecycle.Ended || CrmOccasions.Of(canonical) is not null;
    }

    /// <summary>
    /// Runs the sync of <paramref name="session"/> once. When another run holds the session, or a call waits for its
    /// retry, a run is scheduled for then on <paramref name="scheduler"/>. Storage failures throw, so the host runs the work again.
    /// </summary>
    public async Task RunAsync(SessionKey session, IPipelineScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scheduler);
        var settings = await catalog.GetAsync(session.Tenant, cancellationToken).ConfigureAwait(false);
        if (!IsActive(settings))
        {
            return;
        }

        var duration = options.Value.LeaseDuration;
        var (lease, busyUntil) = await sessions.AcquireAsync(session, duration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            LogBusy(logger, session.PartitionKey, busyUntil);
            await scheduler.ScheduleAsync(CrmWork.For(session, FormattableString.Invariant($"busy-{busyUntil.UtcTicks}")), busyUntil, cancellationToken).ConfigureAwait(false);
            return;
        }

        var run = new CrmSyncRun(settings!, options.Value.DefaultRegion, lease);
        var held = true;
        try
        {
            var events = await journal.ReadAsync(session, cancellationToken).ConfigureAwait(false);
            if (events.Count > 0)
            {
                await SyncAsync(run, events, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CrmLeaseLostException exception)
        {
            held = false;
            LogLeaseLost(logger, exception, session.PartitionKey);
        }
        finally
        {
            if (held && !await sessions.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false))
            {
                LogLeaseLost(logger, null, session.PartitionKey);
            }
        }

        if (run.RetryAt is { } at)
        {
            LogRetryScheduled(logger, session.PartitionKey, at);
            await scheduler.ScheduleAsync(CrmWork.For(session, FormattableString.Invariant($"retry-{at.UtcTicks}")), at, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SyncAsync(CrmSyncRun run, IReadOnlyList<CanonicalEvent> events, CancellationToken cancellationToken)
    {
        var session = run.Lease.Session;
        run.Facts = CrmSessionFacts.From(session, events, builder.Build(session, events));
        run.Start = events.FirstOrDefault(e => e.Session?.Lifecycle == SessionLifecycle.Started) ?? events[0];
        var endpoints = run.Settings.Endpoints;
        if (!await EnsureAccountAsync(run, cancellationToken).ConfigureAwait(false) || endpoints.CreateRecord is null)
        {
            return;
        }

        if (!await EnsureRecordAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await PopAsync(run, cancellationToken).ConfigureAwait(false);
        if (endpoints.Comment is { } comment)
        {
            var end = events.FirstOrDefault(e => e.Session?.Lifecycle == SessionLifecycle.Ended);
            foreach (var cause in events)
            {
                if (CrmOccasions.Of(cause, cause == run.Start && cause.Session?.Lifecycle == SessionLifecycle.Started, cause == end) is { } occasion)
                {
                    var values = run.Values(search: false).Set(CrmVariables.CommentBody, CrmText.Comment(occasion, run.Facts, cause, comment.ConvertToHtml));
                    var call = CrmCall.For(session, $"comment-{occasion.ToString().ToLowerInvariant()}", cause, cause.Id);
                    await FinishAsync(run, call, await CallAsync(run, call, comment, values, null, cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await AfterExportAsync(run, events, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> EnsureAccountAsync(CrmSyncRun run, CancellationToken cancellationToken)
    {
        if (run.Lease.State.AccountId is not null)
        {
            return true;
        }

        var session = run.Lease.Session;
        var endpoints = run.Settings.Endpoints;
        if (endpoints.FindAccountById is { } byId && CrmTemplate.Refers(byId.Url, CrmVariables.AccountId) && run.Facts.KnownAccountId is { } known)
        {
            var call = CrmCall.For(session, "find-account-by-id", run.Start, find: true);
            var result = await CallAsync(run, call, byId, run.Values(search: true).Set(CrmVariables.AccountId, known), null, cancellationToken).ConfigureAwait(false);
            if (result.Delivered && !result.NotFound)
            {
                await SaveAccountAsync(run, Locate(byId, result) ?? (known, false), cancellationToken).ConfigureAwait(false);
                await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);

            // Only "no such account" (404, now or in an earlier run) goes on to the query.
            if (!result.NotFound && result.Status != CrmCallStatus.Done)
            {
                return false;
            }
        }

        if (endpoints.FindAccountByQuery is { } query)
        {
            var call = CrmCall.For(session, "find-account", run.Start, find: true);
            var result = await CallAsync(run, call, query, run.Values(search: true), null, cancellationToken).ConfigureAwait(false);
            if (result.Delivered && !result.NotFound && Locate(query, result) is { } found)
            {
                await SaveAccountAsync(run, found, cancellationToken).ConfigureAwait(false);
                await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
            if (!result.Delivered && result.Status != CrmCallStatus.Done)
            {
                return false;
            }
        }

        if (endpoints.CreateAccount is not { } create)
        {
            return false;
        }

        var creation = CrmCall.For(session, "create-account", run.Start);
        var created = await CallAsync(run, creation, create, run.Values(search: false), null, cancellationToken).ConfigureAwait(false);
        if (created.Delivered && Locate(create, created) is { } id)
        {
            await SaveAccountAsync(run, id, cancellationToken).ConfigureAwait(false);
            await FinishAsync(run, creation, created, null, cancellationToken).ConfigureAwait(false);
            LogCreated(logger, session.PartitionKey, "account", id.Id);
            return true;
        }

        await FinishAsync(run, creation, created, created.Delivered ? NoId(create, "account") : null, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<bool> EnsureRecordAsync(CrmSyncRun run, CancellationToken cancellationToken)
    {
        if (run.Lease.State.RecordId is not null)
        {
            return true;
        }

        var session = run.Lease.Session;
        var endpoints = run.Settings.Endpoints;
        if (run.Settings.ReuseRecords && endpoints.FindRecordByQuery is { } query)
        {
            var call = CrmCall.For(session, "find-record", run.Start, find: true);
            var result = await CallAsync(run, call, query, run.Values(search: true), null, cancellationToken).ConfigureAwait(false);
            if (result.Delivered && !result.NotFound && Locate(query, result) is { } found)
            {
                await SaveRecordAsync(run, found, cancellationToken).ConfigureAwait(false);
                await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
            if (!result.Delivered && result.Status != CrmCallStatus.Done)
            {
                return false;
            }
        }

        var create = endpoints.CreateRecord!;
        var creation = CrmCall.For(session, "create-record", run.Start);
        var created = await CallAsync(run, creation, create, run.Values(search: false), null, cancellationToken).ConfigureAwait(false);
        if (created.Delivered && Locate(create, created) is { } id)
        {
            await SaveRecordAsync(run, id, cancellationToken).ConfigureAwait(false);
            await FinishAsync(run, creation, created, null, cancellationToken).ConfigureAwait(false);
            LogCreated(logger, session.PartitionKey, "record", id.Id);
            return true;
        }

        await FinishAsync(run, creation, created, created.Delivered ? NoId(create, "record") : null, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task PopAsync(CrmSyncRun run, CancellationToken cancellationToken)
    {
        var state = run.Lease.State;
        if (state.RecordId is not { } recordId || state.PoppedRecordId == recordId || run.Settings.RecordLookupUrl is not { } template)
        {
            return;
        }

        var values = run.Values(search: false);
        var recordUrl = CrmTemplate.RenderUrl(template, values);
        var accountUrl = run.Settings.AccountLookupUrl is { } account ? CrmTemplate.RenderUrl(account, values) : null;
        await pop.QueueAsync(run.Lease.Session, recordUrl, recordId, state.AccountId, accountUrl, cancellationToken).ConfigureAwait(false);
        run.Lease.State = state with { PoppedRecordId = recordId };
        await sessions.SaveAsync(run.Lease, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false);
    }

    private async Task AfterExportAsync(CrmSyncRun run, IReadOnlyList<CanonicalEvent> events, CancellationToken cancellationToken)
    {
        var endpoints = run.Settings.Endpoints;
        if (endpoints.UpdateRecord is null && endpoints.UploadFile is null)
        {
            return;
        }

        var session = run.Lease.Session;
        if (await archive.MetadataVersionAsync(session, cancellationToken).ConfigureAwait(false) is not { } metadataVersion)
        {
            return;
        }

        var cause = events.FirstOrDefault(e => e.Session?.Lifecycle == SessionLifecycle.Ended) ?? events[^1];
        if (endpoints.UpdateRecord is { } update)
        {
            // Each version of the metadata file updates the record once: a re-export after a late event updates it again.
            var call = CrmCall.For(session, "update-record", cause, metadataVersion.ToString());
            await FinishAsync(run, call, await CallAsync(run, call, update, run.Values(search: false), null, cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
        }

        if (endpoints.UploadFile is not { } upload)
        {
            return;
        }

        await foreach (var file in archive.FilesAsync(session, events, upload.Files, cancellationToken).ConfigureAwait(false))
        {
            var call = CrmCall.For(session, "upload-file", cause, $"{file.BlobName}\n{file.ETag}");
            var result = await CallAsync(run, call, upload, run.Values(search: false), token => archive.LoadAsync(file, token), cancellationToken).ConfigureAwait(false);
            string? attachmentUrl = null;
            if (result.Delivered)
            {
                attachmentUrl = result.Response?.Json is { } json ? upload.FindAttachmentUrl(json, run.Values(search: false)) : null;
                if (upload.AddComment)
                {
                    run.Lease.State = run.Lease.State with
                    {
                        Attachments = new Dictionary<string, string>(run.Lease.State.Attachments) { [call.DeliveryId] = attachmentUrl ?? string.Empty },
                    };
                    await sessions.SaveAsync(run.Lease, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false);
                }
            }

            await FinishAsync(run, call, result, null, cancellationToken).ConfigureAwait(false);
            if (upload.AddComment && endpoints.Comment is { } comment && (result.Delivered || result.Status == CrmCallStatus.Done))
            {
                attachmentUrl ??= run.Lease.State.Attachments.GetValueOrDefault(call.DeliveryId) is { Length: > 0 } kept ? kept : null;
                var values = run.Values(search: false).Set(CrmVariables.CommentBody, CrmText.UploadComment(file.Name, attachmentUrl, comment.ConvertToHtml));
                var commentCall = CrmCall.For(session, "comment-upload", cause, call.DeliveryId);
                await FinishAsync(run, commentCall, await CallAsync(run, commentCall, comment, values, null, cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task<CrmCallResult> CallAsync(CrmSyncRun run, CrmCall call, CrmEndpoint endpoint, CrmValues values, Func<CancellationToken, Task<CrmFile>>? file, CancellationToken cancellationToken) =>
        calls.RunAsync(
            run.Settings,
            call,
            async token => await CrmRequestBuilder.BuildAsync(endpoint, values, file is null ? null : await file(token).ConfigureAwait(false), token).ConfigureAwait(false),
            token => sessions.SaveAsync(run.Lease, options.Value.LeaseDuration, token),
            cancellationToken);

    /// <summary>Records a call made now and notes when the run must come back for a retry.</summary>
    private async Task FinishAsync(CrmSyncRun run, CrmCall call, CrmCallResult result, string? failure, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case CrmCallStatus.Waiting:
                run.Wait(result.RetryAt!.Value);
                return;
            case CrmCallStatus.Sent:
                var attempt = await calls.RecordAsync(result, failure, cancellationToken).ConfigureAwait(false);
                if (attempt.NextRetryAt is { } at)
                {
                    run.Wait(at);
                }

                if (attempt.State != DeliveryState.Delivered)
                {
                    LogCallFailed(logger, run.Lease.Session.PartitionKey, call.Operation, attempt.Attempt, attempt.StatusCode, attempt.ErrorMessage, attempt.NextRetryAt);
                }

                return;
        }
    }

    private async Task SaveAccountAsync(CrmSyncRun run, (string Id, bool IsNumber) account, CancellationToken cancellationToken)
    {
        run.Lease.State = run.Lease.State with { AccountId = account.Id, AccountIdIsNumber = account.IsNumber };
        await sessions.SaveAsync(run.Lease, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveRecordAsync(CrmSyncRun run, (string Id, bool IsNumber) record, CancellationToken cancellationToken)
    {
        run.Lease.State = run.Lease.State with { RecordId = record.Id, RecordIdIsNumber = record.IsNumber };
        await sessions.SaveAsync(run.Lease, options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false);
    }

    private static (string Id, bool IsNumber)? Locate(CrmEndpoint endpoint, CrmCallResult result) =>
        result.Response?.Json is { } json ? CrmDataLocation.Parse(endpoint.ResponseDataLocation)?.FindId(json) : null;

    private static string NoId(CrmEndpoint endpoint, string what) =>
        $"The CRM accepted the request but its response holds no {what} id at '{endpoint.ResponseDataLocation ?? "(the whole response)"}'.";

    [LoggerMessage(Level = LogLevel.Debug, Message = "CRM sync of session {Session}: another run holds it until {Until}; running again then")]
    private static partial void LogBusy(ILogger logger, string session, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM sync of session {Session}: the lease was taken over by another run; this run stopped")]
    private static partial void LogLeaseLost(ILogger logger, Exception? exception, string session);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM sync of session {Session}: {What} {Id} created")]
    private static partial void LogCreated(ILogger logger, string session, string what, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM sync of session {Session}: {Operation} attempt {Attempt} failed (status {Status}, {Error}); next retry {RetryAt}")]
    private static partial void LogCallFailed(ILogger logger, string session, string operation, int attempt, int? status, string? error, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM sync of session {Session}: running again at {At} for a retry")]
    private static partial void LogRetryScheduled(ILogger logger, string session, DateTimeOffset at);
}
