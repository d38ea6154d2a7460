using System.Text.Json;
using Switchboard.Events.Payloads;

namespace Switchboard.Events.Ccai;

/// <summary>
/// Contact Center AI Platform agent-adapter events ("CRM personalizzato", "Eventi negli adattatori degli agenti"),
/// forwarded from the CRM page by clients/ccai-adapter-bridge.js: <c>{ "type": "End_Call", "data": {…} }</c>. The
/// call-redaction events come as the bare <c>{agent_id, call_id}</c>; such a body takes its name from
/// <see cref="SourceContext.TypeHint"/> (<c>?type=Call_Redaction_Started</c>) or, without one, is typed
/// <c>Call_Redaction</c> and flagged <see cref="EventFlags.TypeInferred"/>. Adapter events carry no time, so they occur
/// when received. Trailing commas, which the document's own examples have, are accepted.
/// <list type="table">
/// <listheader><term>type</term><description>lifecycle · session id · channel</description></listheader>
/// <item><term>Agent_Login, Agent_Logout</term><description>— · none (agent events) · —</description></item>
/// <item><term>New_Call</term><description>started · <c>data.call_id</c> (required) · call</description></item>
/// <item><term>Call_Redaction_Started, Call_Redaction_Stopped (bare body)</term><description>updated · <c>call_id</c> · call</description></item>
/// <item><term>End_Call</term><description>ended · <c>data.call_id</c> (required) · call</description></item>
/// <item><term>New_Chat</term><description>started · <c>data.chat_id</c> (required) · chat</description></item>
/// <item><term>Active_Chat, Chat_Inbound_Message, Chat_Outbound_Message, Dismissed_Chat</term><description>updated · <c>data.chat_id</c> · chat</description></item>
/// <item><term>End_Chat</term><description>ended · <c>data.chat_id</c> (required) · chat</description></item>
/// <item><term>Cobrowse_Session_Started, Cobrowse_Session_Remote_Control_Changed, Cobrowse_Session_Full_Device_Changed,
/// Cobrowse_Session_Ended</term><description>updated · <c>data.call_id</c>, else <c>data.chat_id</c>, when present · call or chat</description></item>
/// <item><term>Transfer_Call, Agent_Joined_Call</term><description>updated · <c>data.call_id</c> · call</description></item>
/// <item><term>Transfer_Chat, Agent_Joined_Chat</term><description>updated · <c>data.chat_id</c> · chat</description></item>
/// <item><term>Party_Added, Agent_Assist_Started, CRM_Record_Pop</term><description>updated · <c>data.call_id</c>, else <c>data.chat_id</c>, when present · call or chat</description></item>
/// <item><term>Media_Uploaded <c>{call_id | chat_id, media_type: photo|video, media_id, url}</c></term><description>updated · <c>call_id</c> or <c>chat_id</c> (required) · call or chat</description></item>
/// <item><term>Recording_Available, Voicemail_Available <c>{call_id, format: mp3|wav, url}</c></term><description>updated · <c>data.call_id</c> (required) · call</description></item>
/// <item><term>any other name</term><description>null · <c>call_id</c>, else <c>chat_id</c>, when present · call or chat</description></item>
/// </list>
/// Agent: <c>agent_id</c>/<c>agent_email</c>, else the transfer target <c>to_agent_*</c>, else <c>from_agent_*</c>.
/// Queue: <c>queue_id</c>/<c>queue_path</c>, else <c>to_queue_*</c>, else <c>from_queue_*</c>.
/// </summary>
public sealed class CcaiAdapter : ISourceAdapter
{
    /// <summary>The source name in the ingest route.</summary>
    public const string SourceName = "ccai";

    private static readonly (string Id, string Email)[] AgentFields =
        [("agent_id", "agent_email"), ("to_agent_id", "to_agent_email"), ("from_agent_id", "from_agent_email")];

    private static readonly (string Id, string Path)[] QueueFields =
        [("queue_id", "queue_path"), ("to_queue_id", "to_queue_path"), ("from_queue_id", "from_queue_path")];

    /// <inheritdoc/>
    public string Name => SourceName;

    /// <inheritdoc/>
    public CanonicalEvent Parse(ReadOnlyMemory<byte> body, string? contentType, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = PayloadReader.ReadObject(body, contentType);
        var flags = new List<string>();
        var (name, fields, at) = Envelope(root, context.TypeHint, flags);
        var known = CcaiEvents.Find(name);
        var type = known?.Type ?? name;
        var session = Session(fields, at, known, type);
        if (known?.Archive is CcaiArchive.Media or CcaiArchive.Audio)
        {
            CheckArchive(fields, at, known.Archive);
        }

        return context.Event(SourceName, type, root) with
        {
            Session = session,
            Agent = Agent(fields, at),
            Queue = Queue(fields, at),
            Flags = flags,
        };
    }

    /// <summary>The event name, the object holding the event's fields, and that object's pointer.</summary>
    private static (string Name, JsonElement Fields, string At) Envelope(JsonElement root, string? typeHint, List<string> flags)
    {
        if (root.TryGetProperty("data", out _))
        {
            var name = root.EventName("type", "");
            return (name, root.RequiredObject("data", "", $"the {name} event carries its fields in 'data'"), "/data");
        }

        var hasSession = root.TryGetProperty("call_id", out _) || root.TryGetProperty("chat_id", out _);
        if (!hasSession && root.TryGetProperty("type", out _))
        {
            var name = root.EventName("type", "");
            throw new EventParseException(EventParseProblem.MissingField, "/data", $"the {name} event carries its fields in 'data'");
        }

        // A body without 'data' is the bare call-redaction shape; its own 'type', if any, is a participant type, not the event.
        if (!string.IsNullOrWhiteSpace(typeHint))
        {
            return (typeHint.Trim(), root, "");
        }

        if (root.TryGetProperty("call_id", out _))
        {
            flags.Add(EventFlags.TypeInferred);
            return (CcaiEvents.UnnamedRedaction, root, "");
        }

        throw new EventParseException(EventParseProblem.MissingEventName, "/type", "the body names no event: send {\"type\": …, \"data\": {…}}");
    }

    private static EventSession? Session(JsonElement fields, string at, CcaiEvent? known, string type)
    {
        var key = known?.Key ?? CcaiSessionKey.CallOrChat;
        if (key == CcaiSessionKey.None)
        {
            return null;
        }

        var callId = key is CcaiSessionKey.Call or CcaiSessionKey.CallOrChat ? fields.Identifier("call_id", at) : null;
        var chatId = callId is null && key is CcaiSessionKey.Chat or CcaiSessionKey.CallOrChat ? fields.Identifier("chat_id", at) : null;
        var idPointer = JsonPointer.Append(at, key == CcaiSessionKey.Chat ? "chat_id" : "call_id");
        if (known?.SessionRequired == true && callId is null && chatId is null)
        {
            var needs = key == CcaiSessionKey.CallOrChat ? "call_id or chat_id" : key == CcaiSessionKey.Call ? "call_id" : "chat_id";
            throw new EventParseException(EventParseProblem.MissingField, idPointer, $"{type} must carry {needs}");
        }

        return EventSession.For(callId ?? chatId, callId is null && chatId is not null ? SessionChannels.Chat : SessionChannels.Call, known?.Lifecycle, type, idPointer);
    }

    private static void CheckArchive(JsonElement fields, string at, CcaiArchive archive)
    {
        if (archive == CcaiArchive.Media)
        {
            OneOf(fields, at, "media_type", "photo", "video");
            fields.RequiredScalar("media_id", at, "Media_Uploaded must carry media_id, which names the exported file");
        }
        else
        {
            OneOf(fields, at, "format", "mp3", "wav");
        }

        var url = fields.RequiredScalar("url", at, "an archive event must carry the url of the file");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new EventParseException(EventParseProblem.InvalidValue, JsonPointer.Append(at, "url"), "expected an absolute http or https URL");
        }
    }

    private static void OneOf(JsonElement fields, string at, string name, string first, string second)
    {
        var value = fields.RequiredScalar(name, at, $"expected {name} {first} or {second}");
        if (!value.Equals(first, StringComparison.OrdinalIgnoreCase) && !value.Equals(second, StringComparison.OrdinalIgnoreCase))
        {
            throw new EventParseException(EventParseProblem.InvalidValue, JsonPointer.Append(at, name), $"expected {first} or {second}, got '{value}'");
        }
    }

    private static EventAgent? Agent(JsonElement fields, string at)
    {
        foreach (var (id, email) in AgentFields)
        {
            if (EventAgent.From(fields.Scalar(id, at), fields.Scalar(email, at), null) is { } agent)
            {
                return agent;
            }
        }

        return null;
    }

    private static EventQueue? Queue(JsonElement fields, string at)
    {
        foreach (var (id, path) in QueueFields)
        {
            if (EventQueue.From(fields.Scalar(id, at), fields.Scalar(path, at)) is { } queue)
            {
                return queue;
            }
        }

        return null;
    }
}
