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
    [Function(nameof(TriggersApi.ListTriggers))]
    public Task<IActionResult> ListTriggers(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.ListTriggers(
            Services(request), ApiQuery.Tenant(request), ApiQuery.Text(request, "pageSize"), ApiQuery.Text(request, "continuation"), cancellationToken));

    /// <summary><c>POST /api/triggers</c>: <see cref="TriggersApi.CreateTrigger"/>.</summary>
    [Function(nameof(TriggersApi.CreateTrigger))]
    public Task<IActionResult> CreateTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.CreateTrigger(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/secrets</c>: <see cref="TriggersApi.GenerateSecret"/>.</summary>
    [Function(nameof(TriggersApi.GenerateSecret))]
    public IActionResult GenerateSecret(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/secrets")] HttpRequest request) =>
        admin.Run(request, TriggersApi.GenerateSecret);

    /// <summary><c>POST /api/triggers/batch-delete</c>: <see cref="TriggersApi.DeleteTriggers"/>.</summary>
    [Function(nameof(TriggersApi.DeleteTriggers))]
    public Task<IActionResult> DeleteTriggers(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/batch-delete")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.DeleteTriggers(Services(request), ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>GET /api/triggers/{id}</c>: <see cref="TriggersApi.GetTrigger"/>.</summary>
    [Function(nameof(TriggersApi.GetTrigger))]
    public Task<IActionResult> GetTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.GetTrigger(Services(request), id, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>PUT /api/triggers/{id}</c>: <see cref="TriggersApi.ReplaceTrigger"/>, honouring <c>If-Match</c>.</summary>
    [Function(nameof(TriggersApi.ReplaceTrigger))]
    public Task<IActionResult> ReplaceTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.ReplaceTrigger(Services(request), id, ApiQuery.Tenant(request), request.Headers.IfMatch, cancellationToken));

    /// <summary><c>DELETE /api/triggers/{id}</c>: <see cref="TriggersApi.DeleteTrigger"/>.</summary>
    [Function(nameof(TriggersApi.DeleteTrigger))]
    public Task<IActionResult> DeleteTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "triggers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.DeleteTrigger(Services(request), id, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/enable</c>: <see cref="TriggersApi.EnableTrigger"/>.</summary>
    [Function(nameof(TriggersApi.EnableTrigger))]
    public Task<IActionResult> EnableTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/enable")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.EnableTrigger(Services(request), id, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/disable</c>: <see cref="TriggersApi.DisableTrigger"/>.</summary>
    [Function(nameof(TriggersApi.DisableTrigger))]
    public Task<IActionResult> DisableTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/disable")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.DisableTrigger(Services(request), id, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/triggers/{id}/test</c>: <see cref="TriggersApi.TestTrigger"/>.</summary>
    [Function(nameof(TriggersApi.TestTrigger))]
    public Task<IActionResult> TestTrigger(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "triggers/{id}/test")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => TriggersApi.TestTrigger(Services(request), delivery, id, ApiQuery.Tenant(request), cancellationToken));

    private TriggerServices Services(HttpRequest request) => new(store, catalog, validator, request.HttpContext);
}
