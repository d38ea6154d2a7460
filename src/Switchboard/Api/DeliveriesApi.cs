using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The attempt log API under <c>api/deliveries</c>: deliveries — webhooks, CRM calls and outcome emails — listed by
/// kind, trigger, event and state (<c>status=failed</c> lists the dead letters), one delivery with its attempts, and the
/// replay of a dead letter of any kind (<see cref="ReplayDelivery"/>: its work runs at once, and what it leaves for
/// later goes to the pipeline scheduler). Tenant from <c>?tenant=</c>. Both hosts call these handlers behind the admin key.
/// </summary>
public static class DeliveriesApi
{
    /// <summary><c>GET api/deliveries?kind=&amp;trigger=&amp;event=&amp;status=&amp;pageSize=&amp;continuation=</c>: deliveries, filters combined.</summary>
    public static async Task<Results<Ok<DeliveryList>, ValidationProblem>> ListDeliveries(
        [AsParameters] DeliveryServices services, string? tenant, string? kind, string? trigger, string? @event, string? status, string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var state = DeliveryLog.ParseState(status);
        var attemptKind = DeliveryLog.ParseKind(kind);
        var problems = new InputProblems()
            .Tenant(tenant)
            .Check("kind", kind is null || attemptKind is not null, "must be webhook, crm or email")
            .OptionalId("trigger", trigger)
            .OptionalId("event", @event)
            .Check("status", status is null || state is not null, "must be delivered, retrying or failed")
            .PageSize(pageSize, out var size)
            .Continuation(continuation);
        if (problems.Problem is { } problem)
        {
            return problem;
        }

        var query = new DeliveryQuery { Kind = attemptKind, TriggerId = trigger, EventId = @event, State = state };
        try
        {
            var page = await services.Log.ListAsync(Tenant(tenant), query, size, continuation, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new DeliveryList(page.Items, page.Continuation));
        }
        catch (ArgumentException)
        {
            return FieldProblems.Invalid("continuation", "is not a token this API returned");
        }
    }

    /// <summary><c>GET api/deliveries/{id}</c>: the delivery and every attempt; 404 when unknown.</summary>
    public static async Task<Results<Ok<DeliveryHistory>, ValidationProblem, ProblemHttpResult>> GetDelivery(
        [AsParameters] DeliveryServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var history = await services.Log.GetHistoryAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        return history is null
            ? FieldProblems.NotFound("id", "Delivery not found", $"No delivery '{id}' in tenant '{Tenant(tenant)}'.")
            : TypedResults.Ok(history);
    }

    /// <summary>
    /// <c>POST api/deliveries/{id}/replay</c>: replays a dead letter — a webhook, a CRM call or an email — as a new delivery
    /// whose work runs now; 200 with its first attempt, or 202 when the work made none yet (a CRM sync that found its
    /// session busy looks again later); what it leaves for later goes to <paramref name="scheduler"/>. 404 unknown, 409
    /// not a dead letter or replayed already.
    /// </summary>
    public static async Task<Results<Ok<DeliveryAttempted>, Accepted<DeliveryReplayed>, ValidationProblem, ProblemHttpResult>> ReplayDelivery(
        [AsParameters] DeliveryServices services, [FromServices] IPipelineScheduler scheduler, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var replayed = await services.Replay.RunAsync(Tenant(tenant), id, scheduler, cancellationToken).ConfigureAwait(false);
        return replayed switch
        {
            { Status: ReplayStatus.Replayed, FirstAttempt: { } first } => TypedResults.Ok(first),
            { Status: ReplayStatus.Replayed } => TypedResults.Accepted($"/api/deliveries/{replayed.ReplayId}", replayed),
            { Status: ReplayStatus.NotFound } => FieldProblems.NotFound("id", "Delivery not found", replayed.Detail ?? $"No delivery '{id}'."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery cannot be replayed", detail: replayed.Detail),
        };
    }

    /// <summary>Maps the routes under <c>api/deliveries</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/deliveries").WithTags("Deliveries");
        group.MapGet(string.Empty, ListDeliveries).WithName(nameof(ListDeliveries));
        group.MapGet("{id}", GetDelivery).WithName(nameof(GetDelivery)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id}/replay", ReplayDelivery).WithName(nameof(ReplayDelivery)).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    private static string Tenant(string? tenant) => tenant ?? TriggerDefaults.Tenant;
}
