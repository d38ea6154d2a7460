using Switchboard.Api;

namespace Switchboard.Host.Sessions;

/// <summary>Routes for reading the session archive (<see cref="SessionsApi"/>).</summary>
public static class SessionsRoutes
{
    /// <summary>Maps the routes under <c>api/sessions</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/sessions").WithTags("Sessions");
        group.MapGet("archive", SessionsApi.ListArchive).WithName(nameof(SessionsApi.ListArchive));
        group.MapGet("{channel}/{id}", SessionsApi.GetSessionMetadata).WithName(nameof(SessionsApi.GetSessionMetadata));
        return group;
    }
}
