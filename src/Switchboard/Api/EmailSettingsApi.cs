using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Switchboard.Email;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Api;

/// <summary>
/// The session-outcome email settings API: the tenant's global setting and each queue's own, under
/// <c>api/email/settings</c>, tenant from <c>?tenant=</c> (default <c>default</c>). Validation errors are
/// problem+json naming the field. Both hosts call these handlers behind the admin key.
/// </summary>
public static class EmailSettingsApi
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    /// <summary>Maps the routes under <c>api/email/settings</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapEmailSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/email/settings").WithTags("Email");
        group.MapGet(string.Empty, GetEmailSettings).WithName(nameof(GetEmailSettings));
        group.MapPut(string.Empty, ReplaceEmailSettings).WithName(nameof(ReplaceEmailSettings)).ProducesJsonBodyProblems();
        group.MapGet("effective", GetEffectiveEmailSettings).WithName(nameof(GetEffectiveEmailSettings));
        group.MapGet("queues", ListQueueEmailSettings).WithName(nameof(ListQueueEmailSettings));

        // A catch-all, so queue names with '/' in them ("Developers / Kim") need no escaping.
        group.MapGet("queues/{**queue}", GetQueueEmailSettings).WithName(nameof(GetQueueEmailSettings)).ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("queues/{**queue}", ReplaceQueueEmailSettings).WithName(nameof(ReplaceQueueEmailSettings)).ProducesJsonBodyProblems();
        group.MapDelete("queues/{**queue}", DeleteQueueEmailSettings).WithName(nameof(DeleteQueueEmailSettings)).ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary><c>GET api/email/settings</c>: the global setting; off with no address when never saved.</summary>
    public static async Task<Results<Ok<EmailGlobalSettings>, ValidationProblem>> GetEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        var setting = await services.Store.GetGlobalAsync(Tenant(tenant), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Global(Tenant(tenant), setting));
    }

    /// <summary><c>PUT api/email/settings</c>: replaces the global setting.</summary>
    [RequestBody(typeof(EmailSettingsRequest))]
    public static async Task<Results<Ok<EmailGlobalSettings>, ValidationProblem, ProblemHttpResult>> ReplaceEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).Problem is { } problem)
        {
            return problem;
        }

        return await SaveBodyAsync(
            services,
            async (enabled, address) => Global(Tenant(tenant), await services.Store.SetGlobalAsync(Tenant(tenant), enabled, address, cancellationToken).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET api/email/settings/queues</c>: the queues with a setting of their own, paged (<c>?pageSize=&amp;continuation=</c>).</summary>
    public static async Task<Results<Ok<EmailQueueSettingsList>, ValidationProblem>> ListQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? tenant, string? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (new InputProblems().Tenant(tenant).PageSize(pageSize, out var size).Continuation(continuation).Problem is { } problem)
        {
            return problem;
        }

        QueueEmailSettingPage page;
        try
        {
            page = await services.Store.ListQueuesAsync(Tenant(tenant), size, continuation, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return FieldProblems.Invalid("continuation", "is not a token this API returned");
        }

        return TypedResults.Ok(new EmailQueueSettingsList([.. page.Items.Select(q => Queue(Tenant(tenant), q))], page.Continuation));
    }

    /// <summary><c>GET api/email/settings/queues/{queue}</c>: a queue's own setting; 404 when it has none (it inherits the global one).</summary>
    public static async Task<Results<Ok<EmailQueueSettings>, ValidationProblem, ProblemHttpResult>> GetQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteText.Unescape(queue);
        if (new InputProblems().Tenant(tenant).Name("queue", queue, EmailSettingsStore.MaxQueueLength).Problem is { } problem)
        {
            return problem;
        }

        var setting = await services.Store.GetQueueAsync(Tenant(tenant), queue!, cancellationToken).ConfigureAwait(false);
        return setting is null ? NotFound(queue!, Tenant(tenant)) : TypedResults.Ok(Queue(Tenant(tenant), setting));
    }

    /// <summary><c>PUT api/email/settings/queues/{queue}</c>: creates or replaces a queue's own setting.</summary>
    [RequestBody(typeof(EmailSettingsRequest))]
    public static async Task<Results<Ok<EmailQueueSettings>, ValidationProblem, ProblemHttpResult>> ReplaceQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteText.Unescape(queue);
        if (new InputProblems().Tenant(tenant).Name("queue", queue, EmailSettingsStore.MaxQueueLength).Problem is { } problem)
        {
            return problem;
        }

        return await SaveBodyAsync(
            services,
            async (enabled, address) => Queue(Tenant(tenant), await services.Store.SetQueueAsync(Tenant(tenant), queue!, enabled, address, cancellationToken).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE api/email/settings/queues/{queue}</c>: removes a queue's own setting, so it inherits the global one; 404 when it had none.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteQueueEmailSettings(
        [AsParameters] EmailSettingsServices services, string? queue, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        queue = RouteText.Unescape(queue);
        if (new InputProblems().Tenant(tenant).Name("queue", queue, EmailSettingsStore.MaxQueueLength).Problem is { } problem)
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
        if (new InputProblems().Tenant(tenant).OptionalText("queue", queue, EmailSettingsStore.MaxQueueLength).Problem is { } problem)
        {
            return problem;
        }

        var destination = await services.Store.ResolveAsync(Tenant(tenant), queue is null ? null : new EventQueue { Id = queue }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new EmailEffectiveSettings(Tenant(tenant), queue, destination.Sends, destination.Address, destination.Case));
    }

    /// <summary>Reads and checks the <see cref="EmailSettingsRequest"/> body, then saves it through <paramref name="save"/> and answers what it returns.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> SaveBodyAsync<T>(
        EmailSettingsServices services, Func<bool, string?, Task<T>> save, CancellationToken cancellationToken)
    {
        var (body, readProblem) = await JsonRequestBody.ReadAsync<EmailSettingsRequest>(services.HttpContext.Request, BodyOptions, cancellationToken).ConfigureAwait(false);
        if (readProblem is not null)
        {
            return readProblem;
        }

        if (Validate(body!).Problem is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await save(body!.Enabled!.Value, body.Address).ConfigureAwait(false));
    }

    private static InputProblems Validate(EmailSettingsRequest body)
    {
        var address = body.Address?.Trim();
        return new InputProblems()
            .Check("enabled", body.Enabled is not null, "is required (true or false)")
            .Check(
                "address",
                string.IsNullOrEmpty(address) || EmailAddresses.IsValidRecipient(address),
                $"is not a valid email address (one bare address such as crm@example.com, at most {EmailAddresses.MaxLength} characters; empty for none)");
    }

    private static string Tenant(string? tenant) => tenant ?? TriggerDefaults.Tenant;

    private static ProblemHttpResult NotFound(string queue, string tenant) =>
        FieldProblems.NotFound("queue", "Queue setting not found", $"Queue '{queue}' has no email setting of its own in tenant '{tenant}'; it inherits the global one.");

    private static EmailGlobalSettings Global(string tenant, EmailSetting setting) => new(tenant, setting.Enabled, setting.Address, setting.UpdatedAt);

    private static EmailQueueSettings Queue(string tenant, QueueEmailSetting setting) =>
        new(tenant, setting.Queue, setting.Setting.Enabled, setting.Setting.Address, setting.Setting.UpdatedAt);
}
