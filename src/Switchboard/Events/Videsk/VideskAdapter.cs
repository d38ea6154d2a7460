using Switchboard.Events.Payloads;

namespace Switchboard.Events.Videsk;

/// <summary>
/// Videsk webhooks ("Integradores (3rd party)"). Videsk lets each customer write the request body with <c>{{ }}</c>
/// variables, so Switchboard publishes a JSON body template (README, "Videsk") and reads that shape:
/// <c>{ "event", "occurredAt", "session": {id, channel}, "agent": {id, email, name}, "queue": {id, name}, "values": {…} }</c>.
/// Only <c>event</c> is required: the English key below or Videsk's Spanish name. Variables Videsk leaves empty arrive
/// as "" and count as absent.
/// <list type="table">
/// <listheader><term>event (Videsk name)</term><description>lifecycle · session id · channel</description></listheader>
/// <item><term>queue.created (Nueva fila)</term><description>started · <c>session.id</c> (required) · <c>session.channel</c>, call when absent</description></item>
/// <item><term>queue.abandoned (Fila abandonada)</term><description>ended, outcome abandoned · <c>session.id</c> (required) · as above</description></item>
/// <item><term>call.created (Llamada creada), form.received (Formulario recibido), comment.created (Nuevo comentario),
/// agent-form.submitted (Formulario agente), survey.received (Encuesta recibida), recording.created (Nueva grabación),
/// recording.approved (Grabación aprobada), recording.rejected (Grabación rechazada), recording.deleted (Grabación eliminada),
/// qms-ticket.assigned (Notificación ticket QMS)</term><description>updated · <c>session.id</c> when present · as above</description></item>
/// <item><term>user.connected (Usuario conectado), user.disconnected (Usuario desconectado), user.created (Nuevo usuario),
/// user.deleted (Usuario eliminado), user.updated (Usuario editado), form.updated (Formulario editado),
/// form.deleted (Formulario eliminado), form.created (Nuevo formulario), segment.updated (Segmento editado),
/// segment.deleted (Segmento eliminado), segment.created (Nuevo segmento), meeting.scheduled (Nueva reunión),
/// meeting.cancelled (Reunión cancelada), meeting.reminder (Recordatorio reunión)</term><description>null (account events) · <c>session.id</c> when present · as above</description></item>
/// <item><term>any other name</term><description>null · <c>session.id</c> when present · as above</description></item>
/// </list>
/// Videsk sends no call-ended event, so a session it opens ends only by abandonment; the type of every known
/// event is its English key, whichever name the body used. Times: <c>occurredAt</c> in ISO 8601 (UTC when it
/// has no offset) or epoch seconds/milliseconds.
/// </summary>
public sealed class VideskAdapter : ISourceAdapter
{
    /// <summary>The source name in the ingest route.</summary>
    public const string SourceName = "videsk";

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = PayloadReader.ReadObject(body, contentType);
        var name = root.EventName("event", "");
        var known = VideskEvents.Find(name);
        var type = known?.Key ?? name;
        var flags = new List<string>();
        root.TryGetProperty("occurredAt", out var occurredAt);
        var session = root.OptionalObject("session", "");
        var channel = session?.Identifier("channel", "/session");
        var agent = root.OptionalObject("agent", "");
        var queue = root.OptionalObject("queue", "");
        return context.Event(SourceName, type, root, EventTimestamp.OccurredAt([occurredAt], TimeZoneInfo.Utc, context.ReceivedAt, flags)) with
        {
            Session = EventSession.For(
                session?.Identifier("id", "/session"),
                SessionChannels.NormaliseOrCall(channel),
                known?.Lifecycle,
                type,
                "/session/id",
                known?.Outcome),
            Agent = agent is { } a ? EventAgent.From(a.Scalar("id", "/agent"), a.Scalar("email", "/agent"), a.Scalar("name", "/agent")) : null,
            Queue = queue is { } q ? EventQueue.From(q.Scalar("id", "/queue"), q.Scalar("name", "/queue")) : null,
            Flags = flags,
        };
    }
}
