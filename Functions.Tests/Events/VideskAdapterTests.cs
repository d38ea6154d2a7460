using Switchboard.Events;
using Switchboard.Events.Videsk;
using static Switchboard.Tests.Events.SourceRequests;

namespace Switchboard.Tests.Events;

/// <summary>Videsk webhooks ("Integradores (3rd party)") in the shape of Switchboard's published body template.</summary>
public sealed class VideskAdapterTests
{
    // The "Nombre" column of the event table of "Integradores (3rd party)", in its order.
    private static readonly string[] DocumentedNames =
    [
        "Nueva fila", "Fila abandonada", "Llamada creada", "Usuario conectado", "Usuario desconectado", "Nuevo usuario",
        "Usuario eliminado", "Usuario editado", "Formulario editado", "Formulario eliminado", "Nuevo formulario",
        "Formulario recibido", "Segmento editado", "Segmento eliminado", "Nuevo segmento", "Nuevo comentario",
        "Formulario agente", "Encuesta recibida", "Nueva grabación", "Grabación aprobada", "Grabación rechazada",
        "Grabación eliminada", "Nueva reunión", "Reunión cancelada", "Recordatorio reunión", "Notificación ticket QMS",
    ];

    public static TheoryData<string, string, SessionLifecycle?> Table()
    {
        var rows = new TheoryData<string, string, SessionLifecycle?>();
        foreach (var e in VideskEvents.All)
        {
            rows.Add(e.Key, e.SpanishName, e.Lifecycle);
        }

        return rows;
    }

    [Fact]
    public void The_catalog_has_the_26_documented_events_each_with_its_own_English_key()
    {
        Assert.Equal(DocumentedNames, VideskEvents.All.Select(e => e.SpanishName));
        Assert.Equal(26, VideskEvents.All.Select(e => e.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(VideskEvents.All, e => Assert.Matches("^[a-z-]+\\.[a-z-]+$", e.Key));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_event_is_found_by_English_key_and_by_Videsk_name(string key, string spanishName, SessionLifecycle? lifecycle)
    {
        foreach (var name in new[] { key, spanishName, spanishName.ToUpperInvariant() })
        {
            var e = Parse("videsk", $$$"""{"event":"{{{name}}}","session":{"id":"s-1"}}""");

            Assert.Equal(key, e.Type);
            Assert.Equal(lifecycle, e.Session?.Lifecycle);
            Assert.Equal(SessionChannels.Call, e.Session?.Channel);
        }
    }

    [Theory]
    [InlineData("queue.created", SessionLifecycle.Started)]
    [InlineData("queue.abandoned", SessionLifecycle.Ended)]
    [InlineData("call.created", SessionLifecycle.Updated)]
    [InlineData("recording.approved", SessionLifecycle.Updated)]
    [InlineData("survey.received", SessionLifecycle.Updated)]
    public void Session_events_follow_the_mapping_table(string key, SessionLifecycle lifecycle)
    {
        var e = Parse("videsk", $$$"""{"event":"{{{key}}}","session":{"id":"s-1"}}""");

        Assert.Equal(lifecycle, e.Session?.Lifecycle);
    }

    [Fact]
    public void The_rendered_README_template_maps_every_part()
    {
        var e = Parse("videsk", WrittenPayloads.VideskTemplateRendered);

        Assert.Equal("queue.abandoned", e.Type);
        Assert.Equal(new DateTimeOffset(2024, 5, 29, 9, 37, 45, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(
            new EventSession { Id = "6651f0c2a1b3", Channel = SessionChannels.Call, Lifecycle = SessionLifecycle.Ended, Outcome = SessionOutcome.Abandoned },
            e.Session);
        Assert.Null(e.Agent);
        Assert.Equal(new EventQueue { Id = "q-7", Name = "Ventas" }, e.Queue);
        Assert.Equal("Ana", e.Data.GetProperty("values").GetProperty("customerName").GetString());
    }

    [Fact]
    public void Names_typed_without_accents_or_with_extra_spaces_are_found()
    {
        var e = Parse("videsk", """{"event":"  grabacion   APROBADA ","session":{"id":"s-1"}}""");

        Assert.Equal("recording.approved", e.Type);
    }

    [Fact]
    public void Account_events_carry_no_session()
    {
        var e = Parse("videsk", """{"event":"Usuario conectado","agent":{"id":"u-1","email":"ana@example.com","name":"Ana"}}""");

        Assert.Equal("user.connected", e.Type);
        Assert.Null(e.Session);
        Assert.Equal(new EventAgent { Id = "u-1", Email = "ana@example.com", Name = "Ana" }, e.Agent);
    }

    [Fact]
    public void A_session_start_without_a_session_id_is_rejected()
    {
        var error = Reject("videsk", """{"event":"Nueva fila","session":{"id":""}}""");

        Assert.Equal(EventParseProblem.MissingField, error.Kind);
        Assert.Equal("/session/id", error.Field);
    }

    [Fact]
    public void A_session_given_as_a_string_is_rejected()
    {
        var error = Reject("videsk", """{"event":"call.created","session":"s-1"}""");

        Assert.Equal(EventParseProblem.WrongFieldType, error.Kind);
        Assert.Equal("/session", error.Field);
    }

    [Fact]
    public void An_unknown_event_keeps_its_name_and_has_no_lifecycle()
    {
        var e = Parse("videsk", """{"event":"Nueva encuesta","session":{"id":"s-1"},"occurredAt":1716975465}""");

        Assert.Equal("Nueva encuesta", e.Type);
        Assert.Null(e.Session?.Lifecycle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1716975465), e.OccurredAt);
    }

    [Fact]
    public void An_event_name_that_is_not_a_string_is_rejected()
    {
        var error = Reject("videsk", """{"event":{"name":"Nueva fila"}}""");

        Assert.Equal(EventParseProblem.WrongFieldType, error.Kind);
        Assert.Equal("/event", error.Field);
    }
}
