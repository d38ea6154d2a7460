using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Switchboard.Events.Videsk;

/// <summary>The 26 events of Videsk's "Integradores (3rd party)", findable by English key or by Spanish name (case, accents and spacing ignored).</summary>
internal static class VideskEvents
{
    public static readonly IReadOnlyList<VideskEvent> All =
    [
        new("queue.created", "Nueva fila", SessionLifecycle.Started),
        new("queue.abandoned", "Fila abandonada", SessionLifecycle.Ended, SessionOutcome.Abandoned),
        new("call.created", "Llamada creada", SessionLifecycle.Updated),
        new("user.connected", "Usuario conectado", null),
        new("user.disconnected", "Usuario desconectado", null),
        new("user.created", "Nuevo usuario", null),
        new("user.deleted", "Usuario eliminado", null),
        new("user.updated", "Usuario editado", null),
        new("form.updated", "Formulario editado", null),
        new("form.deleted", "Formulario eliminado", null),
        new("form.created", "Nuevo formulario", null),
        new("form.received", "Formulario recibido", SessionLifecycle.Updated),
        new("segment.updated", "Segmento editado", null),
        new("segment.deleted", "Segmento eliminado", null),
        new("segment.created", "Nuevo segmento", null),
        new("comment.created", "Nuevo comentario", SessionLifecycle.Updated),
        new("agent-form.submitted", "Formulario agente", SessionLifecycle.Updated),
        new("survey.received", "Encuesta recibida", SessionLifecycle.Updated),
        new("recording.created", "Nueva grabación", SessionLifecycle.Updated),
        new("recording.approved", "Grabación aprobada", SessionLifecycle.Updated),
        new("recording.rejected", "Grabación rechazada", SessionLifecycle.Updated),
        new("recording.deleted", "Grabación eliminada", SessionLifecycle.Updated),
        new("meeting.scheduled", "Nueva reunión", null),
        new("meeting.cancelled", "Reunión cancelada", null),
        new("meeting.reminder", "Recordatorio reunión", null),
        new("qms-ticket.assigned", "Notificación ticket QMS", SessionLifecycle.Updated),
    ];

    private static readonly FrozenDictionary<string, VideskEvent> ByName = All
        .SelectMany(e => new[] { (Name: e.Key, Event: e), (Name: e.SpanishName, Event: e), (Name: Fold(e.SpanishName), Event: e) })
        .DistinctBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(entry => entry.Name, entry => entry.Event, StringComparer.OrdinalIgnoreCase);

    /// <summary>The event called <paramref name="name"/>, or null for a name Videsk did not document.</summary>
    public static VideskEvent? Find(string name) =>
        ByName.GetValueOrDefault(name) ?? ByName.GetValueOrDefault(Fold(name));

    /// <summary>"Grabación  Aprobada" → "grabacion aprobada": no accents, single spaces, lower case.</summary>
    private static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                }

                continue;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString().TrimEnd();
    }
}
