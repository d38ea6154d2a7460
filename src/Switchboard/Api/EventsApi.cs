using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Switchboard.Events;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// <c>POST /api/events/{source}</c>: what the platforms call, in both hosts. Every refusal is problem+json and queues
/// nothing; 202 is answered only once the event is durably queued.
/// </summary>
public static class EventsApi
{
    /// <summary>The header platforms put the ingest key in (or <c>?code=</c>, as Functions keys travel).</summary>
    public const string KeyHeader = "x-switchboard-key";

    /// <summary>Maps <c>POST api/events/{source}</c>, open to the browser origins of <see cref="IngestCors"/>, and returns the group.</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/events").WithTags("Events");
        group.MapPost("{source}", PostEvent)
            .WithName(nameof(PostEvent))
            .RequireCors(IngestCors.PolicyName)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>
    /// Checks the ingest key (<see cref="KeyHeader"/>, else <paramref name="code"/>) against <see cref="IngestOptions.Keys"/>,
    /// the route and query values, the source and the size (<see cref="IngestOptions.MaxBodyBytes"/>, enforced while
    /// reading), then parses and queues the event: 202 with <see cref="EventAccepted"/>, or 400, 401, 404, 413 or 415
    /// (408 when the client stops sending), each naming the field, or 503 with Retry-After when storage does not take
    /// the event within <see cref="IngestOptions.StorageTimeout"/>.
    /// </summary>
    [RequestBody(typeof(System.Text.Json.JsonElement), "application/json", "text/plain", "application/x-www-form-urlencoded")]
    public static async Task<Results<Accepted<EventAccepted>, ProblemHttpResult, ValidationProblem>> PostEvent(
        string source, string? tenant, string? code, string? type, HttpContext httpContext,
        SourceAdapters adapters, IngestEvent ingest, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentNullException.ThrowIfNull(options);
        var request = httpContext.Request;
        var key = request.Headers[KeyHeader].ToString();
        if (!SecretKeys.Contains(options.Value.Keys, string.IsNullOrEmpty(key) ? code : key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Ingest key required",
                detail: $"Send a key from Ingest:Keys in the {KeyHeader} header or the code query parameter.");
        }

        var problems = new InputProblems()
            .Id("source", source)
            .Tenant(tenant)
            .OptionalText("code", code, 1024)
            .OptionalText("type", type);
        if (problems.Problem is { } problem)
        {
            return problem;
        }

        if (adapters.Find(source) is not { } adapter)
        {
            return FieldProblems.NotFound("source", "Unknown source", $"'{source}' is not a source; use one of {string.Join(", ", adapters.Names.Order())}.");
        }

        var limit = options.Value.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        byte[]? body;
        try
        {
            body = await ReadLimitedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            return FieldProblems.BodyNotRead(exception);
        }

        if (body is null)
        {
            return TooLarge(limit);
        }

        using var storageBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        storageBudget.CancelAfter(options.Value.StorageTimeout);
        try
        {
            var accepted = await ingest.RunAsync(adapter, tenant ?? TriggerDefaults.Tenant, body, request.ContentType, type, storageBudget.Token).ConfigureAwait(false);
            return TypedResults.Accepted((string?)null, accepted);
        }
        catch (Exception exception) when (StorageOutage.Is(exception) || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Nothing was queued, so the platform's retry is the event's only way in: tell it when to come back.
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: "The event could not be queued because storage did not answer in time; nothing was accepted. Send it again after Retry-After.");
        }
        catch (EventParseException exception)
        {
            return exception.Kind == EventParseProblem.UnsupportedContentType
                ? FieldProblems.WithStatus(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Content-Type", exception.Problem)
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid event",
                    detail: exception.Problem,
                    extensions: new Dictionary<string, object?> { ["field"] = exception.Field, ["problem"] = exception.Kind.ToString() });
        }
    }

    /// <summary>The body, or null as soon as it passes <paramref name="limit"/> bytes (a missing or lying Content-Length cannot get more in).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        FieldProblems.WithStatus(StatusCodes.Status413PayloadTooLarge, "Body too large", "body", $"is larger than Ingest:MaxBodyBytes ({limit} bytes)");
}
