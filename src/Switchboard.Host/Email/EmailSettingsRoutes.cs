using Switchboard.Api;

namespace Switchboard.Host.Email;

/// <summary>Routes of the session-outcome email settings API (<see cref="EmailSettingsApi"/>).</summary>
public static class EmailSettingsRoutes
{
    /// <summary>Maps the routes under <c>api/email/settings</c> and returns the group, for the admin-key filter.</summary>
    public static RouteGroupBuilder MapEmailSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("api/email/settings").WithTags("Email");
        group.MapGet(string.Empty, EmailSettingsApi.GetEmailSettings).WithName(nameof(EmailSettingsApi.GetEmailSettings));
        group.MapPut(string.Empty, EmailSettingsApi.ReplaceEmailSettings).WithName(nameof(EmailSettingsApi.ReplaceEmailSettings));
        group.MapGet("effective", EmailSettingsApi.GetEffectiveEmailSettings).WithName(nameof(EmailSettingsApi.GetEffectiveEmailSettings));
        group.MapGet("queues", EmailSettingsApi.ListQueueEmailSettings).WithName(nameof(EmailSettingsApi.ListQueueEmailSettings));

        // A catch-all, so queue names with '/' in them ("Developers / Kim") need no escaping.
        group.MapGet("queues/{**queue}", EmailSettingsApi.GetQueueEmailSettings).WithName(nameof(EmailSettingsApi.GetQueueEmailSettings));
        group.MapPut("queues/{**queue}", EmailSettingsApi.ReplaceQueueEmailSettings).WithName(nameof(EmailSettingsApi.ReplaceQueueEmailSettings));
        group.MapDelete("queues/{**queue}", EmailSettingsApi.DeleteQueueEmailSettings).WithName(nameof(EmailSettingsApi.DeleteQueueEmailSettings));
        return group;
    }
}
