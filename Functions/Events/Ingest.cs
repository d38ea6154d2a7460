using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Switchboard.Api;
using Switchboard.Events;
using Switchboard.Functions.Http;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Events;

/// <summary>
/// <c>POST /api/events/{source}</c>: <see cref="EventsApi.PostEvent"/>, as the portable host answers it. The Functions
/// host first checks <c>?code=</c> against the app's function keys (AuthorizationLevel.Function); the handler then
/// checks it against <c>Ingest:Keys</c> as well, so the ingest key is registered as a host key of the same value
/// (README, "Deploy to Azure") and one secret in the platform's URL passes both.
/// </summary>
/// <param name="adapters">The source adapters.</param>
/// <param name="ingest">The ingest step: parse, claim-check, queue on <c>switchboard-events</c>.</param>
/// <param name="options">Section <c>Ingest</c>.</param>
public sealed class Ingest(SourceAdapters adapters, IngestEvent ingest, IOptions<IngestOptions> options)
{
    /// <summary>202 with <c>{ id, source, type }</c> once the event is queued; problem+json 400, 401, 404, 413 or 415 otherwise.</summary>
    /// <param name="request">The platform's request.</param>
    /// <param name="source">ucontact, cdr, videsk, webitel or ccai.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(Ingest))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken) =>
        new ResultAction(await EventsApi.PostEvent(
            source,
            ApiQuery.Text(request, "tenant"),
            ApiQuery.Text(request, "code"),
            ApiQuery.Text(request, "type"),
            request.HttpContext,
            adapters,
            ingest,
            options,
            cancellationToken));
}
