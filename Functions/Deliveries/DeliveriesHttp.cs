using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Api;
using Switchboard.Delivery;
using Switchboard.Functions.Http;
using Switchboard.Functions.Scheduling;
using Switchboard.Pipeline;

namespace Switchboard.Functions.Deliveries;

/// <summary>
/// The attempt log API under <c>/api/deliveries</c>: one function per route, each the admin key and a call to the
/// <see cref="DeliveriesApi"/> handler the portable host maps to the same route.
/// </summary>
/// <param name="log">The attempt log.</param>
/// <param name="replay">The replay of dead letters.</param>
/// <param name="schedulers">Schedules what a replay leaves for later as Work orchestrations.</param>
/// <param name="admin">The admin key check.</param>
public sealed class DeliveriesHttp(DeliveryLog log, ReplayDelivery replay, DurableSchedulers schedulers, AdminGate admin)
{
    /// <summary><c>GET /api/deliveries</c>: <see cref="DeliveriesApi.ListDeliveries"/>.</summary>
    [Function(nameof(DeliveriesApi.ListDeliveries))]
    public Task<IActionResult> ListDeliveries(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deliveries")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => DeliveriesApi.ListDeliveries(
            Services,
            ApiQuery.Tenant(request),
            ApiQuery.Text(request, "kind"),
            ApiQuery.Text(request, "trigger"),
            ApiQuery.Text(request, "event"),
            ApiQuery.Text(request, "status"),
            ApiQuery.Text(request, "pageSize"),
            ApiQuery.Text(request, "continuation"),
            cancellationToken));

    /// <summary><c>GET /api/deliveries/{id}</c>: <see cref="DeliveriesApi.GetDelivery"/>.</summary>
    [Function(nameof(DeliveriesApi.GetDelivery))]
    public Task<IActionResult> GetDelivery(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deliveries/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => DeliveriesApi.GetDelivery(Services, id, ApiQuery.Tenant(request), cancellationToken));

    /// <summary><c>POST /api/deliveries/{id}/replay</c>: <see cref="DeliveriesApi.ReplayDelivery"/>; what it leaves for later runs as Work orchestrations.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The dead letter's delivery id.</param>
    /// <param name="client">The durable client the replay's retries are scheduled with.</param>
    /// <param name="cancellationToken">Cancelled when the invocation is abandoned.</param>
    [Function(nameof(DeliveriesApi.ReplayDelivery))]
    public Task<IActionResult> ReplayDelivery(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deliveries/{id}/replay")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        admin.RunAsync(request, () => DeliveriesApi.ReplayDelivery(Services, schedulers.For(client), id, ApiQuery.Tenant(request), cancellationToken));

    private DeliveryServices Services => new(log, replay);
}
