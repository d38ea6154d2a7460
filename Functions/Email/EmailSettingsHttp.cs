using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Api;
using Switchboard.Email;
using Switchboard.Functions.Http;

namespace Switchboard.Functions.Email;

/// <summary>
/// The session-outcome email settings API under <c>/api/email/settings</c>: one function per route, each the admin
/// key and a call to the <see cref="EmailSettingsApi"/> handler the portable host maps to the same route. The
/// <c>queue</c> route value is a catch-all, so a queue name may contain '/'.
/// </summary>
/// <param name="store">The email settings table.</param>
/// <param name="admin">The admin key check.</param>
public sealed class EmailSettingsHttp(EmailSettingsStore store, AdminGate admin)
{
    /// <summary><c>GET /api/email/settings</c>: the tenant's global setting.</summary>
    [Function(nameof(EmailSettingsApi.GetEmailSettings))]
    public Task<IActionResult> GetEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.GetEmailSettings(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/email/settings</c>: replaces the global setting.</summary>
    [Function(nameof(EmailSettingsApi.ReplaceEmailSettings))]
    public Task<IActionResult> ReplaceEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "email/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.ReplaceEmailSettings(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>GET /api/email/settings/effective?queue=</c>: where a queue's email goes, and why.</summary>
    [Function(nameof(EmailSettingsApi.GetEffectiveEmailSettings))]
    public Task<IActionResult> GetEffectiveEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/effective")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.GetEffectiveEmailSettings(Services(request), ApiQuery.Tenant(request), ApiQuery.Text(request, "queue"), cancellationToken));

    /// <summary><c>GET /api/email/settings/queues</c>: the per-queue settings, paged.</summary>
    [Function(nameof(EmailSettingsApi.ListQueueEmailSettings))]
    public Task<IActionResult> ListQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/queues")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.ListQueueEmailSettings(
            Services(request), ApiQuery.Tenant(request), ApiQuery.Text(request, "pageSize"), ApiQuery.Text(request, "continuation"), cancellationToken));

    /// <summary><c>GET /api/email/settings/queues/{queue}</c>: one queue's setting.</summary>
    [Function(nameof(EmailSettingsApi.GetQueueEmailSettings))]
    public Task<IActionResult> GetQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.GetQueueEmailSettings(Services(request), queue, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/email/settings/queues/{queue}</c>: replaces one queue's setting.</summary>
    [Function(nameof(EmailSettingsApi.ReplaceQueueEmailSettings))]
    public Task<IActionResult> ReplaceQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.ReplaceQueueEmailSettings(Services(request), queue, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>DELETE /api/email/settings/queues/{queue}</c>: removes one queue's setting.</summary>
    [Function(nameof(EmailSettingsApi.DeleteQueueEmailSettings))]
    public Task<IActionResult> DeleteQueueEmailSettings(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "email/settings/queues/{*queue}")] HttpRequest request, string queue, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => EmailSettingsApi.DeleteQueueEmailSettings(Services(request), queue, ApiQuery.Tenant(request), cancellationToken));

    private EmailSettingsServices Services(HttpRequest request) => new(store, request.HttpContext);
}
