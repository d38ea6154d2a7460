using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Storage;
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
        [AsParameters] DeliveryServices services, string? tenant, string? trigger, string? @event, string? status, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new Dictionary<string, string[]>();
        if (TenantProblem(tenant) is { } tenantProblem)
        {
            problems["tenant"] = tenantProblem;
        }

        var state = DeliveryLog.ParseState(status);
        if (status is not null && state is null)
        {
            problems["status"] = ["must be delivered, retrying or failed"];
        }

        if (pageSize is < 1 or > TablePaging.MaxPageSize)
        {
            problems["pageSize"] = [$"must be between 1 and {TablePaging.MaxPageSize}"];
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var query = new DeliveryQuery
        {
            TriggerId = string.IsNullOrEmpty(trigger) ? null : trigger,
            EventId = string.IsNullOrEmpty(@event) ? null : @event,
            State = state,
        };
        try
        {
            var page = await services.Log.ListAsync(Tenant(tenant), query, pageSize ?? 100, continuation, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new DeliveryList(page.Items, page.Continuation));
        }
        catch (ArgumentException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuation"] = ["is not a token this API returned"] });
        }
    }

    /// <summary><c>GET api/deliveries/{id}</c>: the delivery and every attempt; 404 when unknown.</summary>
    public static async Task<Results<Ok<DeliveryHistory>, ValidationProblem, ProblemHttpResult>> GetDelivery(
        [AsParameters] DeliveryServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = problem });
        }

        var history = await services.Log.GetHistoryAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        return history is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"No delivery '{id}' in tenant '{Tenant(tenant)}'.")
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
        if (TenantProblem(tenant) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = problem });
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
            ReplayStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: replayed.Detail),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery cannot be replayed", detail: replayed.Detail),
        };
    }

    private static string Tenant(string? tenant) => string.IsNullOrEmpty(tenant) ? TriggerDefaults.Tenant : tenant;

    private static string[]? TenantProblem(string? tenant) =>
        tenant is null || TriggerValidator.IsValidKey(tenant) ? null : ["must be 1–100 letters, digits, '-' or '_'"];
}
