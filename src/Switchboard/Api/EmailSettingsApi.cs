using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Email;
using Switchboard.Events;
using Switchboard.Storage;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The session-outcome email settings API: the tenant's global setting and each queue's own, under
/// <c>api/email/settings</c>, tenant from <c>?tenant=</c> (default <c>default</c>). Validation errors are
/// problem+json naming the field. The host maps these handlers and puts them behind the admin key.
/// </summary>
public static class EmailSettingsApi
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary><c>GET api/email/settings</c>: the global setting; off with no address when never saved.</summary>
    public static async Task<Results<Ok<EmailGlobalSettings>, ValidationProblem>> GetEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var setting = await services.Store.GetGlobalAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Global(Tenant(tenant), setting));
    }

    /// <summary><c>PUT api/email/settings</c>: replaces the global setting.</summary>
    public static async Task<Results<Ok<EmailGlobalSettings>, ValidationProblem>> ReplaceEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        var (body, problems) = await ReadAsync(services.HttpContext.Request, cancellationToken).ConfigureAwait(false);
        if (problems is not null)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var setting = await services.Store.SetGlobalAsync(Tenant(tenant), body!.Enabled!.Value, body.Address, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Global(Tenant(tenant), setting));
    }

    /// <summary><c>GET api/email/settings/queues</c>: the queues with a setting of their own, paged (<c>?pageSize=&amp;continuation=</c>).</summary>
    public static async Task<Results<Ok<EmailQueueSettingsList>, ValidationProblem>> ListQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (TenantProblem(tenant) is { } problem)
        {
            return problem;
        }

        if (pageSize is < 1 or > TablePaging.MaxPageSize)
        {
            return Invalid("pageSize", $"must be between 1 and {TablePaging.MaxPageSize}");
        }

        QueueEmailSettingPage page;
        try
        {
            page = await services.Store.ListQueuesAsync(Tenant(tenant), pageSize ?? 100, continuation, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return Invalid("continuation", "is not a token this API returned");
        }

        return TypedResults.Ok(new EmailQueueSettingsList([.. page.Items.Select(q => Queue(Tenant(tenant), q))], page.Continuation));
    }

    /// <summary><c>GET api/email/settings/queues/{queue}</c>: a queue's own setting; 404 when it has none (it inherits the global one).</summary>
    public static async Task<Results<Ok<EmailQueueSettings>, ValidationProblem, ProblemHttpResult>> GetQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteQueue(queue);
        if ((TenantProblem(tenant) ?? QueueProblem(queue)) is { } problem)
        {
            return problem;
        }

        var setting = await services.Store.GetQueueAsync(Tenant(tenant), queue!, cancellationToken).ConfigureAwait(false);
        return setting is null ? NotFound(queue!, Tenant(tenant)) : TypedResults.Ok(Queue(Tenant(tenant), setting));
    }

    /// <summary><c>PUT api/email/settings/queues/{queue}</c>: creates or replaces a queue's own setting.</summary>
    public static async Task<Results<Ok<EmailQueueSettings>, ValidationProblem>> ReplaceQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteQueue(queue);
        if ((TenantProblem(tenant) ?? QueueProblem(queue)) is { } problem)
        {
            return problem;
        }

        var (body, problems) = await ReadAsync(services.HttpContext.Request, cancellationToken).ConfigureAwait(false);
        if (problems is not null)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var setting = await services.Store.SetQueueAsync(Tenant(tenant), queue!, body!.Enabled!.Value, body.Address, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Queue(Tenant(tenant), setting));
    }

    /// <summary><c>DELETE api/email/settings/queues/{queue}</c>: removes a queue's own setting, so it inherits the global one; 404 when it had none.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteQueue(queue);
        if ((TenantProblem(tenant) ?? QueueProblem(queue)) is { } problem)
        {
            return problem;
        }

        return await services.Store.DeleteQueueAsync(Tenant(tenant), queue!, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : NotFound(queue!, Tenant(tenant));
    }

    /// <summary>
    /// <c>GET api/email/settings/effective?queue=</c>: where the outcome email of a completed session in the queue
    /// (a queue id or name; absent for sessions in no queue) goes, and which row of the inheritance table decided.
    /// </summary>
    public static async Task<Results<Ok<EmailEffectiveSettings>, ValidationProblem>> GetEffectiveEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, string? queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if ((TenantProblem(tenant) ?? (queue is null ? null : QueueProblem(queue))) is { } problem)
        {
            return problem;
        }

        var destination = await services.Store.ResolveAsync(Tenant(tenant), queue is null ? null : new EventQueue { Id = queue }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new EmailEffectiveSettings(Tenant(tenant), queue, destination.Sends, destination.Address, destination.Case));
    }

    private static async Task<(EmailSettingsRequest? Body, IDictionary<string, string[]>? Problems)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, readProblems) = await JsonRequestBody.ReadAsync<EmailSettingsRequest>(request, BodyOptions, cancellationToken).ConfigureAwait(false);
        if (readProblems is not null)
        {
            return (null, readProblems);
        }

        var problems = new Dictionary<string, string[]>();
        if (body!.Enabled is null)
        {
            problems["enabled"] = ["is required (true or false)"];
        }

        var address = body.Address?.Trim();
        if (!string.IsNullOrEmpty(address) && !EmailAddresses.IsValidRecipient(address))
        {
            problems["address"] = [$"is not a valid email address (one bare address such as crm@example.com, at most {EmailAddresses.MaxLength} characters; empty for none)"];
        }

        return problems.Count == 0 ? (body, null) : (null, problems);
    }

    // Kestrel decodes every escape in a path but %2F, so a queue name holding '/' may arrive with it still escaped.
    private static string? RouteQueue(string? queue) =>
        queue?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static string Tenant(string? tenant) => string.IsNullOrEmpty(tenant) ? TriggerDefaults.Tenant : tenant;

    private static ValidationProblem? TenantProblem(string? tenant) =>
        tenant is null || TriggerValidator.IsValidKey(tenant) ? null : Invalid("tenant", "must be 1–100 letters, digits, '-' or '_'");

    private static ValidationProblem? QueueProblem(string? queue) =>
        EmailSettingsStore.IsValidQueue(queue) ? null : Invalid("queue", $"must be a queue id or name of 1–{EmailSettingsStore.MaxQueueLength} characters without control characters");

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(Problem(field, message));

    private static Dictionary<string, string[]> Problem(string field, string message) => new() { [field] = [message] };

    private static ProblemHttpResult NotFound(string queue, string tenant) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Queue setting not found", detail: $"Queue '{queue}' has no email setting of its own in tenant '{tenant}'; it inherits the global one.");

    private static EmailGlobalSettings Global(string tenant, EmailSetting setting) => new(tenant, setting.Enabled, setting.Address, setting.UpdatedAt);

    private static EmailQueueSettings Queue(string tenant, QueueEmailSetting setting) =>
        new(tenant, setting.Queue, setting.Setting.Enabled, setting.Setting.Address, setting.Setting.UpdatedAt);
}
