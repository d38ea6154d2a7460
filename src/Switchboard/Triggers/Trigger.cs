namespace Switchboard.Triggers;

/// <summary>
/// A rule that turns matching canonical events into outbound requests. Stored in table <c>Triggers</c>
/// (PartitionKey tenant, RowKey id); its JSON shape is the admin API's.
/// </summary>
public sealed record Trigger
{
    /// <summary>The trigger id, unique within its tenant; generated on create when absent.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The tenant the trigger belongs to (default <c>default</c>).</summary>
    public string Tenant { get; init; } = TriggerDefaults.Tenant;

    /// <summary>A short name for people.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What the trigger is for.</summary>
    public string? Description { get; init; }

    /// <summary>Disabled triggers are kept but match nothing.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The source whose events match (ucontact, cdr, videsk, webitel, ccai), or null for every source.</summary>
    public string? Source { get; init; }

    /// <summary>Event types that match; <c>*</c> matches all.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>When set, only events of this queue (id or name) match, as Webitel's per-queue hooks do.</summary>
    public string? Queue { get; init; }

    /// <summary>Conditions on the canonical event, all of which must hold.</summary>
    public IReadOnlyList<TriggerFilter> Filters { get; init; } = [];

    /// <summary>The outbound request.</summary>
    public TriggerAction Action { get; init; } = new();

    /// <summary>When the trigger was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the trigger last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
