namespace Switchboard.Events;

/// <summary>Per-platform settings of the source adapters; bound from configuration section <c>Sources</c>.</summary>
public sealed record SourceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Sources";

    /// <summary>
    /// The time zone uContact writes its <c>date</c> field in ("yyyy-MM-dd HH:mm:ss" carries no offset):
    /// an IANA or Windows time zone id. Default <c>UTC</c>.
    /// </summary>
    public string UcontactTimeZone { get; init; } = "UTC";
}
