using System.Collections.Frozen;
using System.Text.Json;
using Switchboard.Events.Payloads;

namespace Switchboard.Events.Webitel;

/// <summary>
/// Webitel queue hooks ("Хуки (Входящая очередь)"). A hook runs a flow schema on a queue event; the schema's HTTP
/// request sends a JSON object with <c>event</c> (the names below, or the Russian names of the admin UI) and the
/// variables the document lists (channel, attempt_id, destination, use_processing, agent_channel_id, member_channel_id,
/// agent_name, agent_id, user_id, agent_extension, member_name, member_id, cc_attempt_seq, call_bill_sec,
/// call_duration, amd_result, call_voice_sec, cc_result, call_cause, call_sip_code) plus any member and queue
/// variables, all kept in <see cref="CanonicalEvent.Data"/>. Flow variables are often strings, so ids are read from
/// strings and numbers alike.
/// <list type="table">
/// <listheader><term>event</term><description>lifecycle · session id · channel</description></listheader>
/// <item><term>joined (Абонент вошел в очередь)</term><description>started · <c>member_channel_id</c>, else <c>attempt_id</c> (required) · <c>channel</c></description></item>
/// <item><term>offering (Распределение на оператора)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>answered (Принят оператором)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>bridged (Соединение абонента с оператором)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>missed (Пропущенный оператором)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>leaving (Абонент вышел из очереди)</term><description>ended · as above (required) · <c>channel</c></description></item>
/// <item><term>processing (Постобработка)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>active (Активное действие)</term><description>updated · as above · <c>channel</c></description></item>
/// <item><term>any other name</term><description>null · as above when present · <c>channel</c></description></item>
/// </list>
/// Channel: <c>channel</c> (call, chat, task), call when absent. Outcome of leaving from <c>cc_result</c>:
/// success (and the document's spelling sucess) → completed; abandoned, cancel → abandoned; any other value → failed.
/// Agent: <c>agent_id</c> (else <c>user_id</c>) and <c>agent_name</c>. Queue: the optional flow variables
/// <c>queue_id</c> and <c>queue_name</c>.
/// </summary>
public sealed class WebitelAdapter : ISourceAdapter
{
    /// <summary>The source name in the ingest route.</summary>
    public const string SourceName = "webitel";

    private static readonly FrozenDictionary<string, EventMapping> Events = BuildEvents();

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = PayloadReader.ReadObject(body, contentType);
        var (mapping, type) = EventMapping.Read(root, Events);
        var channel = root.Identifier("channel", "");
        var sessionId = root.Identifier("member_channel_id", "") ?? root.Identifier("attempt_id", "");
        var outcome = mapping?.Lifecycle == SessionLifecycle.Ended ? Outcome(root.Scalar("cc_result", "")) : null;
        return context.Event(SourceName, type, root) with
        {
            Session = EventSession.For(
                sessionId,
                SessionChannels.NormaliseOrCall(channel),
                mapping?.Lifecycle,
                type,
                "/member_channel_id",
                outcome),
            Agent = EventAgent.From(root.Scalar("agent_id", "") ?? root.Scalar("user_id", ""), null, root.Scalar("agent_name", "")),
            Queue = EventQueue.From(root.Scalar("queue_id", ""), root.Scalar("queue_name", "")),
        };
    }

    private static SessionOutcome? Outcome(string? result) => result?.ToLowerInvariant() switch
    {
        null => null,
        "success" or "sucess" => SessionOutcome.Completed,
        "abandoned" or "cancel" => SessionOutcome.Abandoned,
        _ => SessionOutcome.Failed,
    };

    private static FrozenDictionary<string, EventMapping> BuildEvents()
    {
        (string Name, string Russian, SessionLifecycle Lifecycle)[] rows =
        [
            ("joined", "Абонент вошел в очередь", SessionLifecycle.Started),
            ("offering", "Распределение на оператора", SessionLifecycle.Updated),
            ("answered", "Принят оператором", SessionLifecycle.Updated),
            ("bridged", "Соединение абонента с оператором", SessionLifecycle.Updated),
            ("missed", "Пропущенный оператором", SessionLifecycle.Updated),
            ("leaving", "Абонент вышел из очереди", SessionLifecycle.Ended),
            ("processing", "Постобработка", SessionLifecycle.Updated),
            ("active", "Активное действие", SessionLifecycle.Updated),
        ];
        var events = new Dictionary<string, EventMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, russian, lifecycle) in rows)
        {
            var mapping = new EventMapping(name, lifecycle);
            events.Add(name, mapping);
            events.Add(russian, mapping);

            // The admin UI writes "вошел"; the same words typed by hand often have "ё".
            events.TryAdd(russian.Replace("вошел", "вошёл", StringComparison.Ordinal), mapping);
        }

        return events.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
