using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Switchboard.Delivery;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The trigger admin API under <c>api/triggers</c>: CRUD with ETags, paging, enable/disable, batch delete, secrets and
/// the test send. Tenant from <c>?tenant=</c> (default <c>default</c>). Every input is checked before any storage call;
/// every write invalidates this instance's trigger cache; secrets are masked in every response. Both hosts call these
/// handlers behind the admin key.
/// </summary>
public static class TriggersApi
{
    private const int MaxBatch = 1000;

    /// <summary>Maps the routes under <c>api/triggers</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/triggers").WithTags("Triggers");
        group.MapGet(string.Empty, ListTriggers).WithName(nameof(ListTriggers));
        group.MapPost(string.Empty, CreateTrigger).WithName(nameof(CreateTrigger)).ProducesProblems(StatusCodes.Status409Conflict).ProducesJsonBodyProblems();
        group.MapPost("secrets", GenerateSecret).WithName(nameof(GenerateSecret));
        group.MapPost("batch-delete", DeleteTriggers).WithName(nameof(DeleteTriggers)).ProducesJsonBodyProblems();
        group.MapGet("{id}", GetTrigger).WithName(nameof(GetTrigger)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("{id}", ReplaceTrigger).WithName(nameof(ReplaceTrigger)).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed).ProducesJsonBodyProblems();
        group.MapDelete("{id}", DeleteTrigger).WithName(nameof(DeleteTrigger)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id}/enable", EnableTrigger).WithName(nameof(EnableTrigger)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id}/disable", DisableTrigger).WithName(nameof(DisableTrigger)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("{id}/test", TestTrigger).WithName(nameof(TestTrigger)).ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary><c>GET api/triggers?pageSize=&amp;continuation=</c>: a page of triggers (<c>pageSize</c> 1–1000, default 100).</summary>
    public static async Task<Results<Ok<TriggerList>, ValidationProblem>> ListTriggers(
        [AsParameters] TriggerServices services, string? tenant, string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).PageSize(pageSize, out var size).Continuation(continuation).Problem is { } problem)
        {
            return problem;
        }

        TriggerPage page;
        try
        {
            page = await services.Store.ListAsync(Tenant(tenant), size, continuation, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return FieldProblems.Invalid("continuation", "is not a token this API returned");
        }

        return TypedResults.Ok(new TriggerList([.. page.Items.Select(TriggerSecrets.Masked)], page.Continuation));
    }

    /// <summary>
    /// <c>POST api/triggers</c>: creates the trigger in the body (id generated when absent; the tenant may also come in the
    /// body); 201 with the stored trigger and its ETag, 409 when the id exists.
    /// </summary>
    [RequestBody(typeof(Trigger))]
    public static async Task<Results<Created<Trigger>, ValidationProblem, ProblemHttpResult>> CreateTrigger(
        [AsParameters] TriggerServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var (body, readProblem) = await JsonRequestBody.ReadAsync<Trigger>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (tenant is not null && body!.Tenant != TriggerDefaults.Tenant && body.Tenant != tenant)
        {
            return FieldProblems.Invalid("tenant", "differs between the query and the body");
        }

        var trigger = body! with
        {
            Tenant = tenant ?? body.Tenant,
            Id = string.IsNullOrEmpty(body.Id) ? "trg_" + Guid.NewGuid().ToString("N") : body.Id,
        };
        var problems = services.Validator.Validate(trigger, out var normalized);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        try
        {
            var stored = await services.Store.CreateAsync(normalized, cancellationToken).ConfigureAwait(false);
            services.Catalog.Invalidate(stored.Trigger.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Created($"/api/triggers/{Uri.EscapeDataString(stored.Trigger.Id)}?tenant={Uri.EscapeDataString(stored.Trigger.Tenant)}", TriggerSecrets.Masked(stored.Trigger));
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            return FieldProblems.WithStatus(StatusCodes.Status409Conflict, "Trigger exists", "id", $"'{trigger.Id}' already exists in tenant '{trigger.Tenant}'; update it with PUT");
        }
    }

    /// <summary><c>POST api/triggers/secrets</c>: a new <c>whsec_</c> signing secret to put in <c>action.secret</c>.</summary>
    public static Ok<GeneratedSecret> GenerateSecret() => TypedResults.Ok(new GeneratedSecret(TriggerSecrets.Generate()));

    /// <summary><c>GET api/triggers/{id}</c>: one trigger with its ETag; 404 when unknown.</summary>
    public static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> GetTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        services.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
    }

    /// <summary>
    /// <c>PUT api/triggers/{id}</c>: replaces the trigger; with <c>If-Match</c> (<c>*</c> or the ETag a GET gave) a stale
    /// copy gets 412, a malformed header 400. A masked secret, header value or URL password sent back keeps the stored
    /// one (the latter two only on the same origin).
    /// </summary>
    [RequestBody(typeof(Trigger))]
    public static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> ReplaceTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Check("If-Match", IfMatch.TryParse(ifMatch, out var condition), IfMatch.Rule).Problem is { } problem)
        {
            return problem;
        }

        var (body, readProblem) = await JsonRequestBody.ReadAsync<Trigger>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (!string.IsNullOrEmpty(body!.Id) && body.Id != id)
        {
            return FieldProblems.Invalid("id", "differs from the id in the URL");
        }

        var current = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        if (condition is not null && !condition.Matches(current.ETag))
        {
            return Changed();
        }

        var unkept = TriggerSecrets.KeepStored(body with { Id = id, Tenant = Tenant(tenant) }, current.Trigger, out var trigger);
        if (unkept.Count > 0)
        {
            return TypedResults.ValidationProblem(unkept);
        }

        var problems = services.Validator.Validate(trigger, out var normalized);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        try
        {
            var stored = await services.Store.ReplaceAsync(normalized, current.ETag, cancellationToken).ConfigureAwait(false);
            services.Catalog.Invalidate(stored.Trigger.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed())
        {
            // Without If-Match the client set no precondition, so losing a race with another write is a conflict, not a 412.
            return condition is null
                ? FieldProblems.WithStatus(StatusCodes.Status409Conflict, "Trigger changed", "id", "changed while it was being replaced; send the PUT again")
                : Changed();
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            return NotFound(id, Tenant(tenant));
        }
    }

    /// <summary><c>DELETE api/triggers/{id}</c>: 204, then 404.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        if (!await services.Store.DeleteAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(id, Tenant(tenant));
        }

        services.Catalog.Invalidate(Tenant(tenant));
        return TypedResults.NoContent();
    }

    /// <summary><c>POST api/triggers/batch-delete</c>: body <c>{ "ids": [...] }</c> (up to 1000) → which were deleted and which not found.</summary>
    [RequestBody(typeof(BatchDeleteRequest))]
    public static async Task<Results<Ok<BatchDeleteResult>, ValidationProblem, ProblemHttpResult>> DeleteTriggers(
        [AsParameters] TriggerServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var (body, readProblem) = await JsonRequestBody.ReadAsync<BatchDeleteRequest>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (body!.Ids is null || body.Ids.Count is 0 or > MaxBatch)
        {
            return FieldProblems.Invalid("ids", $"must list 1 to {MaxBatch} trigger ids");
        }

        var idProblems = new InputProblems();
        for (var i = 0; i < body.Ids.Count; i++)
        {
            idProblems.Id($"ids[{i}]", body.Ids[i]);
        }

        if (idProblems.Problem is { } invalidId)
        {
            return invalidId;
        }

        var deleted = await services.Store.DeleteManyAsync(Tenant(tenant), body.Ids, cancellationToken).ConfigureAwait(false);
        services.Catalog.Invalidate(Tenant(tenant));
        return TypedResults.Ok(new BatchDeleteResult(deleted, [.. body.Ids.Distinct(StringComparer.Ordinal).Except(deleted, StringComparer.Ordinal)]));
    }

    /// <summary><c>POST api/triggers/{id}/enable</c>: switches the trigger on.</summary>
    public static Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> EnableTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken) =>
        SetEnabled(services, id, tenant, enabled: true, cancellationToken);

    /// <summary><c>POST api/triggers/{id}/disable</c>: switches the trigger off.</summary>
    public static Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> DisableTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken) =>
        SetEnabled(services, id, tenant, enabled: false, cancellationToken);

    /// <summary>
    /// <c>POST api/triggers/{id}/test</c>: sends a sample event of the trigger's source through it now, once, without
    /// retries or logging, and returns the attempt.
    /// </summary>
    public static async Task<Results<Ok<DeliveryAttempted>, ValidationProblem, ProblemHttpResult>> TestTrigger(
        [AsParameters] TriggerServices services, [FromServices] AttemptDelivery delivery, string id, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(delivery);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken).ConfigureAwait(false);
        return stored is null ? NotFound(id, Tenant(tenant)) : TypedResults.Ok(await delivery.TestAsync(stored.Trigger, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> SetEnabled(
        TriggerServices services, string id, string? tenant, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Id("id", id).Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.SetEnabledAsync(Tenant(tenant), id, enabled, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        services.Catalog.Invalidate(Tenant(tenant));
        services.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
    }

    private static string Tenant(string? tenant) => tenant ?? TriggerDefaults.Tenant;

    private static ProblemHttpResult Changed() =>
        FieldProblems.WithStatus(StatusCodes.Status412PreconditionFailed, "Trigger changed", "If-Match", "does not match: the trigger changed since that ETag was read; GET it again and reapply the change");

    private static ProblemHttpResult NotFound(string id, string tenant) =>
        FieldProblems.NotFound("id", "Trigger not found", $"No trigger '{id}' in tenant '{tenant}'.");
}
