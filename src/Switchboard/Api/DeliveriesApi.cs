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
/// The attempt log API under <c>api/deliveries</c>: deliveries listed by trigger, event and state
/// (<c>status=failed</c> lists the dead letters), one delivery with its attempts, and the replay of a dead letter (its
/// first attempt runs at once; a retry it asks for goes to the pipeline scheduler). Tenant from <c>?tenant=</c>. Both
/// hosts call these handlers behind the admin key.
/// </summary>
public static class DeliveriesApi
{
    /// <summary><c>GET api/deliveries?trigger=&amp;event=&amp;status=&amp;pageSize=&amp;continuation=</c>: deliveries, filters combined.</summary>
    public static async Task<Results<Ok<DeliveryList>, ValidationProblem>> ListDeliveries(
        [AsParameters] DeliveryServices services, string? tenant, string? trigger, string? @event, string? status, string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var state = DeliveryLog.ParseState(status);
        var problems = new InputProblems()
            .Tenant(tenant)
            .OptionalId("trigger", trigger)
            .OptionalId("event", @event)
            .Check("status", status is null || state is not null, "must be delivered, retrying or failed")
            .PageSize(pageSize, out var size)
            .Continuation(continuation);
        if (problems.Problem is { } problem)
        {
            return problem;
        }

        var query = new DeliveryQuery { TriggerId = trigger, EventId = @event, State = state };
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
    /// <c>POST api/deliveries/{id}/replay</c>: replays a dead letter as a new delivery whose first attempt runs now and is
    /// returned; a retry it asks for goes to <paramref name="scheduler"/>. 404 unknown, 409 not a dead letter or replayed already.
    /// </summary>
    public static async Task<Results<Ok<DeliveryAttempted>, ValidationProblem, ProblemHttpResult>> ReplayDelivery(
        [AsParameters] DeliveryServices services, [FromServices] IPipelineScheduler? scheduler, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var replayed = await services.Delivery.ReplayAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        if (scheduler is not null && replayed is { Job: { } job, FirstAttempt: { } first } && DeliverySchedule.Next(job, first) is { } next)
        {
            // The replay's first attempt ran here; its retries follow the policy like any delivery's.
            await scheduler.ScheduleDeliveryAsync(next.Job, next.DueAt, cancellationToken).ConfigureAwait(false);
        }

        return replayed.Status switch
        {
            ReplayStatus.Replayed => TypedResults.Ok(replayed.FirstAttempt!),
            ReplayStatus.NotFound => FieldProblems.NotFound("id", "Delivery not found", replayed.Detail ?? $"No delivery '{id}'."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery cannot be replayed", detail: replayed.Detail),
        };
    }

    /// <summary>Maps the routes under <c>api/deliveries</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/deliveries").WithTags("Deliveries");
        group.MapGet(string.Empty, ListDeliveries).WithName(nameof(ListDeliveries));
        group.MapGet("{id}", GetDelivery).WithName(nameof(GetDelivery));
        group.MapPost("{id}/replay", ReplayDelivery).WithName(nameof(ReplayDelivery));
        return group;
    }

    private static string Tenant(string? tenant) => tenant ?? TriggerDefaults.Tenant;
}
