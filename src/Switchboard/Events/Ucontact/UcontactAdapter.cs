using System.Collections.Frozen;
using System.Text.Json;
using Switchboard.Events.Payloads;

namespace Switchboard.Events.Ucontact;

/// <summary>
/// uContact's outgoing event webhooks ("Webhooks de notificación de eventos"): a JSON object with <c>event</c>,
/// <c>date</c> and the event's fields, posted to the URL stored in ccdata's <c>webhooks</c> table (at most 256
/// characters).
/// <para>
/// <c>date</c> is "yyyy-MM-dd HH:mm:ss" in the platform's time zone (<see cref="SourceOptions.UcontactTimeZone"/>).
/// uContact formats the month with the minutes (its own examples say 2023-48-13 06:48:51), so an impossible
/// date is not an error: <see cref="CanonicalEvent.OccurredAt"/> falls back to the receive time and the event
/// carries <see cref="EventFlags.DateUnparseable"/>.
/// </para>
/// <list type="table">
/// <listheader><term>event</term><description>lifecycle · session id · channel</description></listheader>
/// <item><term>AgentRingNoAnswer</term><description>— · none (agent event) · —</description></item>
/// <item><term>AgentLog</term><description>— · none · —</description></item>
/// <item><term>AgentBreak</term><description>— · none · —</description></item>
/// <item><term>FinishInteraction</term><description>ended · <c>guid</c> (required) · <c>channel</c>, call when absent</description></item>
/// <item><term>InteractionDisposition</term><description>updated · <c>guid</c> · <c>channel</c>, call when absent</description></item>
/// <item><term>any other name</term><description>null · <c>guid</c> when present · as above</description></item>
/// </list>
/// Agent: <c>agent</c> (user name) as id, <c>agentFullName</c> as name. Queue: <c>campaign</c> as id and name.
/// </summary>
public sealed class UcontactAdapter : ISourceAdapter
{
    /// <summary>The source name in the ingest route.</summary>
    public const string SourceName = "ucontact";

    private static readonly FrozenDictionary<string, EventMapping> Events = new EventMapping[]
    {
        new("AgentRingNoAnswer", null),
        new("AgentLog", null),
        new("AgentBreak", null),
        new("FinishInteraction", SessionLifecycle.Ended),
        new("InteractionDisposition", SessionLifecycle.Updated),
    }.ToFrozenDictionary(mapping => mapping.Type, StringComparer.OrdinalIgnoreCase);

    private readonly TimeZoneInfo zone;

    /// <summary>
    /// Creates the adapter. Throws <see cref="ArgumentOutOfRangeException"/> when
    /// <see cref="SourceOptions.UcontactTimeZone"/> names no time zone known to the machine.
    /// </summary>
    public UcontactAdapter(SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = options.UcontactTimeZone;
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!))
        {
            throw new ArgumentOutOfRangeException(nameof(options), id, "Sources:UcontactTimeZone must be an IANA or Windows time zone id such as America/Montevideo.");
        }
    }

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = PayloadReader.ReadObject(body, contentType);
        var (mapping, type) = EventMapping.Read(root, Events);
        var flags = new List<string>();
        root.TryGetProperty("date", out var date);
        var channel = root.Identifier("channel", "");
        var campaign = root.Scalar("campaign", "");
        return context.Event(SourceName, type, root, EventTimestamp.OccurredAt([date], zone, context.ReceivedAt, flags)) with
        {
            Session = EventSession.For(
                root.Identifier("guid", ""),
                SessionChannels.NormaliseOrCall(channel),
                mapping?.Lifecycle,
                type,
                "/guid"),
            Agent = EventAgent.From(root.Scalar("agent", ""), null, root.Scalar("agentFullName", "")),
            Queue = EventQueue.From(campaign, campaign),
            Flags = flags,
        };
    }
}
