using Switchboard.Api;

namespace Switchboard.Host.Triggers;

/// <summary>Routes of the trigger admin API (<see cref="TriggersApi"/>).</summary>
public static class TriggersRoutes
{
    /// <summary>Maps the routes under <c>api/triggers</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapTriggersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/triggers").WithTags("Triggers");
        group.MapGet(string.Empty, TriggersApi.ListTriggers).WithName(nameof(TriggersApi.ListTriggers));
        group.MapPost(string.Empty, TriggersApi.CreateTrigger).WithName(nameof(TriggersApi.CreateTrigger));
        group.MapPost("secrets", TriggersApi.GenerateSecret).WithName(nameof(TriggersApi.GenerateSecret));
        group.MapPost("batch-delete", TriggersApi.DeleteTriggers).WithName(nameof(TriggersApi.DeleteTriggers));
        group.MapGet("{id}", TriggersApi.GetTrigger).WithName(nameof(TriggersApi.GetTrigger));
        group.MapPut("{id}", TriggersApi.ReplaceTrigger).WithName(nameof(TriggersApi.ReplaceTrigger));
        group.MapDelete("{id}", TriggersApi.DeleteTrigger).WithName(nameof(TriggersApi.DeleteTrigger));
        group.MapPost("{id}/enable", TriggersApi.EnableTrigger).WithName(nameof(TriggersApi.EnableTrigger));
        group.MapPost("{id}/disable", TriggersApi.DisableTrigger).WithName(nameof(TriggersApi.DisableTrigger));
        group.MapPost("{id}/test", TriggersApi.TestTrigger).WithName(nameof(TriggersApi.TestTrigger));
        return group;
    }
}
