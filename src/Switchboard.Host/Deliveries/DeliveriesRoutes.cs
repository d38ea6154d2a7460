using Switchboard.Api;

namespace Switchboard.Host.Deliveries;

/// <summary>Routes of the attempt log API (<see cref="DeliveriesApi"/>).</summary>
public static class DeliveriesRoutes
{
    /// <summary>Maps the routes under <c>api/deliveries</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapDeliveriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/deliveries").WithTags("Deliveries");
        group.MapGet(string.Empty, DeliveriesApi.ListDeliveries).WithName(nameof(DeliveriesApi.ListDeliveries));
        group.MapGet("{id}", DeliveriesApi.GetDelivery).WithName(nameof(DeliveriesApi.GetDelivery));
        group.MapPost("{id}/replay", DeliveriesApi.ReplayDelivery).WithName(nameof(DeliveriesApi.ReplayDelivery));
        return group;
    }
}
