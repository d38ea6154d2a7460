using System.Text;
using Switchboard.Events;
using Switchboard.Tests.Events;

namespace Switchboard.Tests.Sessions;

/// <summary>
/// Canonical events made the way ingest makes them — the real adapter parses the body — received at chosen offsets
/// from <see cref="Start"/> (or from <c>origin</c>), so sources whose payloads carry no time (CCAI, Webitel) happen when the
/// test says.
/// </summary>
internal sealed class EventTimeline(string tenant, DateTimeOffset? origin = null)
{
    public static readonly DateTimeOffset Start = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public string Tenant => tenant;

    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    public CanonicalEvent Parse(string source, string body, double seconds, string? typeHint = null)
    {
        var receivedAt = (origin ?? Start).AddSeconds(seconds);
        var context = new SourceContext { Tenant = tenant, ReceivedAt = receivedAt, EventId = EventIds.New(receivedAt), TypeHint = typeHint };
        return SourceRequests.Adapter(source).Parse(Encoding.UTF8.GetBytes(body), "application/json", context);
    }

    /// <summary>A CCAI agent-adapter event <c>{"type": …, "data": …}</c>.</summary>
    public CanonicalEvent Ccai(double seconds, string type, string data) =>
        Parse("ccai", $$"""{"type":"{{type}}","data":{{data}}}""", seconds);
}
