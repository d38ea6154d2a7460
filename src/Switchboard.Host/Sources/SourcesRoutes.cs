using Switchboard.Api;

namespace Switchboard.Host.Sources;

/// <summary>Routes of the source registration helpers (<see cref="SourcesApi"/>).</summary>
public static class SourcesRoutes
{
    /// <summary>Maps the routes under <c>api/sources</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/sources").WithTags("Sources");
        group.MapGet("ucontact/registration", SourcesApi.GetUcontactRegistration).WithName(nameof(SourcesApi.GetUcontactRegistration));
        return group;
    }
}
