using Switchboard.Api;

namespace Switchboard.Host.Events;

/// <summary>The route platforms post events to (<see cref="EventsApi"/>), open to the browser origins of <see cref="IngestCors"/>.</summary>
public static class EventsRoutes
{
    /// <summary>Maps <c>POST api/events/{source}</c> and returns the group.</summary>
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/events").WithTags("Events");
        group.MapPost("{source}", EventsApi.PostEvent).WithName(nameof(EventsApi.PostEvent)).RequireCors(IngestCors.PolicyName);
        return group;
    }
}
