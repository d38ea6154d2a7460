using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Api;
using Switchboard.Email;
using Switchboard.Functions.Http;

namespace Switchboard.Functions.Email;

/// <summary>
/// The session-outcome email settings API under <c>/api/email/settings</c>: one function per route, each the admin
/// key and a call to the <see cref="EmailSettingsApi"/> handler the portable host maps to the same route.
/// </summary>
/// <param name="store">The email settings table.</param>
/// <param name="admin">The admin key check.</param>
public sealed class EmailSettingsHttp(EmailSettingsStore store, AdminGate admin)
{
    /// <summary><c>GET /api/email/settings</c>: the tenant's global setting.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.GetEmailSettings))]
    public async Task<IActionResult> GetEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.GetEmailSettings(Services(request), Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/email/settings</c>: replaces the global setting.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.ReplaceEmailSettings))]
    public async Task<IActionResult> ReplaceEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "email/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.ReplaceEmailSettings(Services(request), Tenant(request), cancellationToken));

    /// <summary><c>GET /api/email/settings/effective?queue=</c>: where a queue's email goes, and why.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.GetEffectiveEmailSettings))]
    public async Task<IActionResult> GetEffectiveEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/effective")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.GetEffectiveEmailSettings(Services(request), Tenant(request), ApiQuery.Text(request, "queue"), cancellationToken));

    /// <summary><c>GET /api/email/settings/queues</c>: the per-queue settings, paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.ListQueueEmailSettings))]
    public async Task<IActionResult> ListQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/queues")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.ListQueueEmailSettings(
            Services(request), Tenant(request), ApiQuery.Text(request, "pageSize"), ApiQuery.Text(request, "continuation"), cancellationToken));

    /// <summary><c>GET /api/email/settings/queues/{queue}</c>: one queue's setting.</summary>
    /// <param name="request">The request.</param>
    /// <param name="queue">The queue id or name (may contain '/').</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.GetQueueEmailSettings))]
    public async Task<IActionResult> GetQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.GetQueueEmailSettings(Services(request), queue, Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/email/settings/queues/{queue}</c>: replaces one queue's setting.</summary>
    /// <param name="request">The request.</param>
    /// <param name="queue">The queue id or name (may contain '/').</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.ReplaceQueueEmailSettings))]
    public async Task<IActionResult> ReplaceQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.ReplaceQueueEmailSettings(Services(request), queue, Tenant(request), cancellationToken));

    /// <summary><c>DELETE /api/email/settings/queues/{queue}</c>: removes one queue's setting.</summary>
    /// <param name="request">The request.</param>
    /// <param name="queue">The queue id or name (may contain '/').</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(EmailSettingsApi.DeleteQueueEmailSettings))]
    public async Task<IActionResult> DeleteQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await EmailSettingsApi.DeleteQueueEmailSettings(Services(request), queue, Tenant(request), cancellationToken));

    private static string? Tenant(HttpRequest request) => ApiQuery.Text(request, "tenant");

    private EmailSettingsServices Services(HttpRequest request) => new(store, request.HttpContext);
}
