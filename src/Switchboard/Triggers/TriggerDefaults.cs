namespace Switchboard.Triggers;

/// <summary>Defaults shared by the trigger model, its validation and the API.</summary>
public static class TriggerDefaults
{
    /// <summary>The tenant used when a request names none.</summary>
    public const string Tenant = "default";

    /// <summary>The request timeout when a trigger sets none, in seconds (10 s, the post-call "Webhooks" document's request timeout).</summary>
    public const int TimeoutSeconds = 10;

    /// <summary>The retry count of the linear policy when a trigger sets none (the post-call "Webhooks" document's default).</summary>
    public const int LinearAttempts = 1;
}
