using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Api;
using Switchboard.Functions.Http;
using Switchboard.Pipeline;
using Switchboard.Triggers;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// The trigger admin API under <c>/api/triggers</c>: one function per route, each the admin key and a call to the
/// <see cref="TriggersApi"/> handler the portable host maps to the same route.
/// </summary>
/// <param name="store">The trigger table.</param>
/// <param name="catalog">This instance's trigger cache.</param>
/// <param name="validator">Trigger validation.</param>
/// <param name="delivery">The delivery step, for the test send.</param>
/// <param name="admin">The admin key check.</param>
public sealed class TriggersHttp(TriggerStore store, TriggerCatalog catalog, TriggerValidator validator, AttemptDelivery delivery, AdminGate admin)
{
    /// <summary><c>GET /api/triggers</c>: <see cref="TriggersApi.ListTriggers"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.ListTriggers))]
    public async Task<IActionResult> ListTriggers(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.ListTriggers(
            Services(request), Tenant(request), ApiQuery.Text(request, "pageSize"), ApiQuery.Text(request, "continuation"), cancellationToken));

    /// <summary><c>POST /api/triggers</c>: <see cref="TriggersApi.CreateTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.CreateTrigger))]
    public async Task<IActionResult> CreateTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.CreateTrigger(Services(request), Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/secrets</c>: <see cref="TriggersApi.GenerateSecret"/>.</summary>
    /// <param name="request">The request.</param>
    [Function(nameof(TriggersApi.GenerateSecret))]
    public IActionResult GenerateSecret(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/secrets")] HttpRequest request) =>
        admin.Deny(request) ?? new ResultAction(TriggersApi.GenerateSecret());

    /// <summary><c>POST /api/triggers/batch-delete</c>: <see cref="TriggersApi.DeleteTriggers"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.DeleteTriggers))]
    public async Task<IActionResult> DeleteTriggers(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/batch-delete")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.DeleteTriggers(Services(request), Tenant(request), cancellationToken));

    /// <summary><c>GET /api/triggers/{id}</c>: <see cref="TriggersApi.GetTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.GetTrigger))]
    public async Task<IActionResult> GetTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.GetTrigger(Services(request), id, Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/triggers/{id}</c>: <see cref="TriggersApi.ReplaceTrigger"/>, honouring <c>If-Match</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.ReplaceTrigger))]
    public async Task<IActionResult> ReplaceTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.ReplaceTrigger(Services(request), id, Tenant(request), request.Headers.IfMatch, cancellationToken));

    /// <summary><c>DELETE /api/triggers/{id}</c>: <see cref="TriggersApi.DeleteTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.DeleteTrigger))]
    public async Task<IActionResult> DeleteTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.DeleteTrigger(Services(request), id, Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/enable</c>: <see cref="TriggersApi.EnableTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.EnableTrigger))]
    public async Task<IActionResult> EnableTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/enable")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.EnableTrigger(Services(request), id, Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/disable</c>: <see cref="TriggersApi.DisableTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.DisableTrigger))]
    public async Task<IActionResult> DisableTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/disable")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.DisableTrigger(Services(request), id, Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/test</c>: <see cref="TriggersApi.TestTrigger"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The trigger id.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(TriggersApi.TestTrigger))]
    public async Task<IActionResult> TestTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/test")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.Deny(request) ?? new ResultAction(await TriggersApi.TestTrigger(Services(request), delivery, id, Tenant(request), cancellationToken));

    private static string? Tenant(HttpRequest request) => ApiQuery.Text(request, "tenant");

    private TriggerServices Services(HttpRequest request) => new(store, catalog, validator, request.HttpContext);
}
