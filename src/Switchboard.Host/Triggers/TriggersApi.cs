using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Delivery;
using Switchboard.Host.Api;
using Switchboard.Pipeline;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Host.Triggers;

/// <summary>
/// The trigger admin API (DESIGN §4): CRUD with ETags, paging, enable/disable, batch delete. Every
/// write invalidates this instance's trigger cache; secrets are masked in every response.
/// </summary>
public static class TriggersApi
{
    private const int MaxBatch = 1000;

    /// <summary>Maps the routes under <c>api/triggers</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/triggers").WithTags("Triggers");
        group.MapGet(string.Empty, ListTriggers).WithName(nameof(ListTriggers));
        group.MapPost(string.Empty, CreateTrigger).WithName(nameof(CreateTrigger));
        group.MapPost("secrets", GenerateSecret).WithName(nameof(GenerateSecret));
        group.MapPost("batch-delete", DeleteTriggers).WithName(nameof(DeleteTriggers));
        group.MapGet("{id}", GetTrigger).WithName(nameof(GetTrigger));
        group.MapPut("{id}", ReplaceTrigger).WithName(nameof(ReplaceTrigger));
        group.MapDelete("{id}", DeleteTrigger).WithName(nameof(DeleteTrigger));
        group.MapPost("{id}/enable", EnableTrigger).WithName(nameof(EnableTrigger));
        group.MapPost("{id}/disable", DisableTrigger).WithName(nameof(DisableTrigger));
        group.MapPost("{id}/test", TestTrigger).WithName(nameof(TestTrigger));
        return group;
    }

    internal static async Task<Results<Ok<TriggerList>, ValidationProblem>> ListTriggers(
        [AsParameters] TriggerServices services, string? tenant, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        if (pageSize is < 1 or > TableClient.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"must be between 1 and {TableClient.MaxPageSize}"] });
        }

        TriggerPage page;
        try
        {
            page = await services.Store.ListAsync(Tenant(tenant), pageSize ?? 100, continuation, cancellationToken);
        }
        catch (ArgumentException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuation"] = ["is not a token this API returned"] });
        }

        return TypedResults.Ok(new TriggerList([.. page.Items.Select(TriggerSecrets.Masked)], page.Continuation));
    }

    internal static async Task<Results<Created<Trigger>, ValidationProblem, ProblemHttpResult>> CreateTrigger(
        [AsParameters] TriggerServices services, string? tenant, CancellationToken cancellationToken)
    {
        var (body, readProblems) = await JsonRequestBody.ReadAsync<Trigger>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken);
        if (readProblems is not null)
        {
            return TypedResults.ValidationProblem(readProblems);
        }

        if (tenant is not null && body!.Tenant != TriggerDefaults.Tenant && body.Tenant != tenant)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = ["differs between the query and the body"] });
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
            var stored = await services.Store.CreateAsync(normalized, cancellationToken);
            services.Catalog.Invalidate(stored.Trigger.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Created($"/api/triggers/{Uri.EscapeDataString(stored.Trigger.Id)}?tenant={Uri.EscapeDataString(stored.Trigger.Tenant)}", TriggerSecrets.Masked(stored.Trigger));
        }
        catch (StorageException exception) when (exception.Kind == StorageErrorKind.AlreadyExists)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Trigger exists", detail: $"Trigger '{trigger.Id}' already exists in tenant '{trigger.Tenant}'; update it with PUT.");
        }
    }

    internal static Ok<GeneratedSecret> GenerateSecret() => TypedResults.Ok(new GeneratedSecret(TriggerSecrets.Generate()));

    internal static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> GetTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken);
        if (stored is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        services.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
    }

    internal static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> ReplaceTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var (body, readProblems) = await JsonRequestBody.ReadAsync<Trigger>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken);
        if (readProblems is not null)
        {
            return TypedResults.ValidationProblem(readProblems);
        }

        if (!string.IsNullOrEmpty(body!.Id) && body.Id != id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["differs from the id in the URL"] });
        }

        var current = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken);
        if (current is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        var trigger = TriggerSecrets.KeepStored(body with { Id = id, Tenant = Tenant(tenant) }, current.Trigger);
        var problems = services.Validator.Validate(trigger, out var normalized);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        try
        {
            var stored = await services.Store.ReplaceAsync(normalized, string.IsNullOrEmpty(ifMatch) || ifMatch == "*" ? current.ETag : ifMatch, cancellationToken);
            services.Catalog.Invalidate(stored.Trigger.Tenant);
            services.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
        }
        catch (StorageException exception) when (exception.Kind == StorageErrorKind.PreconditionFailed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Trigger changed", detail: "The trigger changed since the ETag in If-Match was read; GET it again and reapply the change.");
        }
        catch (StorageException exception) when (exception.Kind == StorageErrorKind.NotFound)
        {
            return NotFound(id, Tenant(tenant));
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        if (!await services.Store.DeleteAsync(Tenant(tenant), id, cancellationToken))
        {
            return NotFound(id, Tenant(tenant));
        }

        services.Catalog.Invalidate(Tenant(tenant));
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<BatchDeleteResult>, ValidationProblem>> DeleteTriggers(
        [AsParameters] TriggerServices services, string? tenant, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var (body, readProblems) = await JsonRequestBody.ReadAsync<BatchDeleteRequest>(services.HttpContext.Request, TriggerJson.InputOptions, cancellationToken);
        if (readProblems is not null)
        {
            return TypedResults.ValidationProblem(readProblems);
        }

        if (body!.Ids is null || body.Ids.Count is 0 or > MaxBatch || body.Ids.Any(string.IsNullOrWhiteSpace))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"must list 1 to {MaxBatch} trigger ids"] });
        }

        var deleted = await services.Store.DeleteManyAsync(Tenant(tenant), body.Ids, cancellationToken);
        services.Catalog.Invalidate(Tenant(tenant));
        return TypedResults.Ok(new BatchDeleteResult(deleted, [.. body.Ids.Distinct(StringComparer.Ordinal).Except(deleted, StringComparer.Ordinal)]));
    }

    internal static Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> EnableTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken) =>
        SetEnabled(services, id, tenant, enabled: true, cancellationToken);

    internal static Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> DisableTrigger(
        [AsParameters] TriggerServices services, string id, string? tenant, CancellationToken cancellationToken) =>
        SetEnabled(services, id, tenant, enabled: false, cancellationToken);

    internal static async Task<Results<Ok<DeliveryAttempted>, ValidationProblem, ProblemHttpResult>> TestTrigger(
        [AsParameters] TriggerServices services, [FromServices] AttemptDelivery delivery, string id, string? tenant, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.GetAsync(Tenant(tenant), id, cancellationToken);
        return stored is null ? NotFound(id, Tenant(tenant)) : TypedResults.Ok(await delivery.TestAsync(stored.Trigger, cancellationToken));
    }

    private static async Task<Results<Ok<Trigger>, ValidationProblem, ProblemHttpResult>> SetEnabled(
        TriggerServices services, string id, string? tenant, bool enabled, CancellationToken cancellationToken)
    {
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var stored = await services.Store.SetEnabledAsync(Tenant(tenant), id, enabled, cancellationToken);
        if (stored is null)
        {
            return NotFound(id, Tenant(tenant));
        }

        services.Catalog.Invalidate(Tenant(tenant));
        services.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(TriggerSecrets.Masked(stored.Trigger));
    }

    private static string Tenant(string? tenant) => string.IsNullOrEmpty(tenant) ? TriggerDefaults.Tenant : tenant;

    private static ValidationProblem? TenantProblem(string? tenant) =>
        tenant is null || TriggerValidator.IsValidKey(tenant)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenant"] = ["must be 1–100 letters, digits, '-' or '_'"] });

    private static ProblemHttpResult NotFound(string id, string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Trigger not found", detail: $"No trigger '{id}' in tenant '{tenant}'.");
}
