namespace Switchboard.Triggers;

/// <summary>Configuration section <c>Triggers</c>.</summary>
public sealed class TriggerOptions
{
    /// <summary>How long a tenant's triggers are served from memory before they are read again (default 10 minutes, as the post-call "Webhooks" document says its platform caches triggers).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>While storage is unreachable, how long to wait before trying again, serving the stale copy meanwhile.</summary>
    public TimeSpan OutageRetryInterval { get; set; } = TimeSpan.FromSeconds(15);
}
