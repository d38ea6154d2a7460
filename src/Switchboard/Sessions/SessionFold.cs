using System.Text.Json;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// The state of one session while its events are folded in occurrence order. Each source's reader
/// (<see cref="CcaiSessionReader"/>, <see cref="UcontactSessionReader"/>, <see cref="WebitelSessionReader"/>,
/// <see cref="CdrSessionReader"/>) reads its payload into it; what every event says (lifecycle, agent, queue) is read here.
/// </summary>
internal sealed class SessionFold(SessionKey session)
{
    private readonly List<AgentEntry> agents = [];
    private readonly List<SessionTransfer> transfers = [];
    private readonly List<CobrowseEntry> cobrowse = [];
    private readonly List<SessionRedaction> redactions = [];
    private readonly SortedDictionary<string, string> externalIds = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonElement> customData = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> eventTypes = new(StringComparer.Ordinal);
    private readonly SortedSet<string> flags = new(StringComparer.Ordinal);
    private string? endUserId;
    private string? endUserName;
    private string? endUserPhone;
    private string? endUserEmail;
    private int eventsSeen;
    private DateTimeOffset? firstEventAt;
    private DateTimeOffset? lastEventAt;
    private DateTimeOffset? startEventAt;
    private DateTimeOffset? endEventAt;
    private bool ended;
    private SessionOutcome? outcome;
    private string? source;

    public SessionKey Session => session;

    /// <summary>When the session's starting event occurred, once it has been folded.</summary>
    public DateTimeOffset? StartEventAt => startEventAt;

    public string? SessionType { get; set; }

    public SessionCampaign? Campaign { get; set; }

    public EventQueue? Queue { get; set; }

    /// <summary>The start the platform states (CDR <c>start</c>), preferred to event times.</summary>
    public DateTimeOffset? PlatformStart { get; set; }

    /// <summary>The end the platform states (CDR <c>end</c>), preferred to event times.</summary>
    public DateTimeOffset? PlatformEnd { get; set; }

    public double? Duration { get; set; }

    public double? HandleTime { get; set; }

    public double? WaitTime { get; set; }

    public double? HoldTime { get; set; }

    public string? EndReason { get; set; }

    public int InboundMessages { get; set; }

    public int OutboundMessages { get; set; }

    public SessionDisposition? Disposition { get; set; }

    public SessionRating? Rating { get; set; }

    public JsonElement? Tags { get; set; }

    /// <summary>Folds one event; events must come in occurrence order.</summary>
    public void Add(CanonicalEvent canonical)
    {
        var at = canonical.OccurredAt.ToUniversalTime();
        eventsSeen++;
        eventTypes[canonical.Type] = eventTypes.GetValueOrDefault(canonical.Type) + 1;
        flags.UnionWith(canonical.Flags);
        firstEventAt = firstEventAt is { } first && first <= at ? first : at;
        lastEventAt = lastEventAt is { } last && last >= at ? last : at;
        source ??= canonical.Source;
        switch (canonical.Session?.Lifecycle)
        {
            case SessionLifecycle.Started:
                startEventAt ??= at;
                break;
            case SessionLifecycle.Ended:
                endEventAt ??= at;
                ended = true;
                outcome = canonical.Session.Outcome ?? outcome;
                break;
        }

        if (canonical.Queue is { } queue)
        {
            Queue = queue;
        }

        switch (canonical.Source)
        {
            case "ccai":
                CcaiSessionReader.Read(this, canonical);
                break;
            case "ucontact":
                UcontactSessionReader.Read(this, canonical);
                break;
            case "webitel":
                WebitelSessionReader.Read(this, canonical);
                break;
            case "cdr":
                CdrSessionReader.Read(this, canonical);
                break;
            default:
                ReadOther(canonical);
                break;
        }
    }

    /// <summary>
    /// Notes an agent taking part. An agent already known (same id, else same e-mail) gains what was missing and
    /// keeps the earliest join time; <paramref name="joinedAt"/> null means "took part, joined at an unknown time".
    /// </summary>
    public void JoinAgent(string? id, string? customId, string? email, string? name, DateTimeOffset? joinedAt)
    {
        if (id is null && email is null && name is null)
        {
            return;
        }

        var agent = agents.Find(a => a.Matches(id, email, name));
        if (agent is null)
        {
            agents.Add(new AgentEntry { Id = id, CustomId = customId, Email = email, Name = name, JoinedAt = joinedAt, Order = agents.Count });
            return;
        }

        agent.Id ??= id;
        agent.CustomId ??= customId;
        agent.Email ??= email;
        agent.Name ??= name;
        if (joinedAt is { } at && (agent.JoinedAt is null || at < agent.JoinedAt))
        {
            agent.JoinedAt = at;
        }
    }

    /// <summary>Notes what an event says about the customer; a later value replaces an earlier one, absent ones change nothing.</summary>
    public void SetEndUser(string? id = null, string? name = null, string? phone = null, string? email = null)
    {
        endUserId = id ?? endUserId;
        endUserName = name ?? endUserName;
        endUserPhone = phone ?? endUserPhone;
        endUserEmail = email ?? endUserEmail;
    }

    public void AddTransfer(SessionTransfer transfer) => transfers.Add(transfer);

    public void AddRedaction(SessionRedaction redaction) => redactions.Add(redaction);

    public void SetExternalId(string name, string? value)
    {
        if (value is not null)
        {
            externalIds[name] = value;
        }
    }

    public void SetCustomData(string name, JsonElement value) => customData[name] = value.Clone();

    /// <summary>Every property of <paramref name="payload"/> whose name is not in <paramref name="known"/> becomes custom data.</summary>
    public void SetCustomDataExcept(JsonElement payload, IReadOnlySet<string> known)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (!known.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
            {
                SetCustomData(property.Name, property.Value);
            }
        }
    }

    /// <summary>Notes a cobrowse event; absent values leave what earlier events said.</summary>
    public void Cobrowse(string id, DateTimeOffset? startedAt, DateTimeOffset? endedAt, string? requestedBy, string? endedBy, string? remoteControl, string? fullDevice)
    {
        var entry = cobrowse.Find(c => c.Id == id);
        if (entry is null)
        {
            entry = new CobrowseEntry { Id = id };
            cobrowse.Add(entry);
        }

        entry.StartedAt ??= startedAt;
        entry.EndedAt = endedAt ?? entry.EndedAt;
        entry.RequestedBy = requestedBy ?? entry.RequestedBy;
        entry.EndedBy = endedBy ?? entry.EndedBy;
        entry.RemoteControl = remoteControl ?? entry.RemoteControl;
        entry.FullDevice = fullDevice ?? entry.FullDevice;
    }

    /// <summary>The metadata of the folded session.</summary>
    public SessionMetadata ToMetadata(IReadOnlyList<ArchiveMedia> media, IReadOnlyList<MediaCopyFailure> failures, DateTimeOffset generatedAt)
    {
        // A transfer hands the session to its target, who joined then unless a later event (Agent_Joined_*) says when.
        foreach (var transfer in transfers)
        {
            if (transfer.ToAgent is { } to && agents.Find(a => a.Matches(to.Id, to.Email, null)) is not { JoinedAt: not null })
            {
                JoinAgent(to.Id, to.CustomId, to.Email, null, transfer.At);
            }
        }

        var endedAt = ended ? PlatformEnd ?? endEventAt : null;
        var startedAt = PlatformStart ?? startEventAt
            ?? (endedAt is { } end && Duration is { } seconds ? end - TimeSpan.FromSeconds(seconds) : firstEventAt);
        var firstJoin = agents.Where(a => a.JoinedAt is not null).Min(a => a.JoinedAt);
        var failed = failures.Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        return new SessionMetadata
        {
            SessionId = session.SessionId,
            CallId = session.Channel == SessionChannels.Call ? session.SessionId : null,
            ChatId = session.Channel == SessionChannels.Chat ? session.SessionId : null,
            Channel = session.Channel,
            SessionType = SessionType,
            Source = source ?? "unknown",
            Tenant = session.Tenant,
            Status = ended ? outcome ?? DefaultOutcome() : null,
            Queue = Queue,
            Campaign = Campaign,
            StartedAt = startedAt,
            EndedAt = endedAt,
            DurationSeconds = Seconds(Duration) ?? Between(startedAt, endedAt),
            HandleTimeSeconds = Seconds(HandleTime) ?? Between(firstJoin, endedAt),
            WaitTimeSeconds = Seconds(WaitTime),
            HoldTimeSeconds = Seconds(HoldTime),
            EndReason = EndReason,
            Agents = [.. agents.OrderBy(a => a.JoinedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Order).Select(a => a.ToRecord())],
            EndUser = (endUserId ?? endUserName ?? endUserPhone ?? endUserEmail) is null
                ? null
                : new SessionEndUser { Id = endUserId, Name = endUserName, Phone = endUserPhone, Email = endUserEmail },
            Transfers = [.. transfers],
            Messages = new SessionMessageCounts { Inbound = InboundMessages, Outbound = OutboundMessages },
            CobrowseSessions = [.. cobrowse.Select(c => c.ToRecord())],
            Redactions = [.. redactions],
            Disposition = Disposition,
            Rating = Rating,
            Media = [.. media.Select(m => m.ToMetadata(archived: !failed.Contains(m.File)))],
            ExternalIds = new SortedDictionary<string, string>(externalIds, StringComparer.Ordinal),
            CustomData = new SortedDictionary<string, JsonElement>(customData, StringComparer.Ordinal),
            Tags = Tags,
            Diagnostics = new SessionDiagnostics
            {
                EventsSeen = eventsSeen,
                EventTypes = new SortedDictionary<string, int>(eventTypes, StringComparer.Ordinal),
                FirstEventAt = firstEventAt,
                LastEventAt = lastEventAt,
                GeneratedAt = generatedAt,
                Flags = [.. flags],
                MediaCopyFailures = [.. failures],
            },
        };
    }

    /// <summary>Seconds rounded to the millisecond, so times read from different clocks do not print long fractions.</summary>
    internal static double? Seconds(double? seconds) => seconds is { } value ? Math.Round(value, 3) : null;

    private static double? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end && end >= start ? Seconds((end - start).TotalSeconds) : null;

    // Platforms that do not say how a session ended: served if an agent took part. A CDR always says when the call
    // was answered or lost, so one that says neither was cut off some other way.
    private SessionOutcome DefaultOutcome() =>
        source == "cdr" ? SessionOutcome.Failed
        : agents.Count > 0 ? SessionOutcome.Completed
        : SessionOutcome.Abandoned;

    /// <summary>Sources without a reader of their own (Videsk, unknown): the canonical agent, and <c>values</c> as custom data.</summary>
    private void ReadOther(CanonicalEvent canonical)
    {
        if (canonical.Agent is { } agent)
        {
            var ending = canonical.Session?.Lifecycle == SessionLifecycle.Ended;
            JoinAgent(agent.Id, null, agent.Email, agent.Name, ending ? null : canonical.OccurredAt.ToUniversalTime());
        }

        if (canonical.Data.ObjectOf("values") is { } values)
        {
            foreach (var property in values.EnumerateObject())
            {
                SetCustomData(property.Name, property.Value);
            }
        }
    }

    private sealed class AgentEntry
    {
        public string? Id { get; set; }

        public string? CustomId { get; set; }

        public string? Email { get; set; }

        public string? Name { get; set; }

        public DateTimeOffset? JoinedAt { get; set; }

        public int Order { get; init; }

        public bool Matches(string? id, string? email, string? name) =>
            id is not null && Id is not null ? string.Equals(id, Id, StringComparison.Ordinal)
            : email is not null && Email is not null ? string.Equals(email, Email, StringComparison.OrdinalIgnoreCase)
            : id is null && email is null && name is not null && string.Equals(name, Name, StringComparison.Ordinal);

        public SessionAgent ToRecord() => new() { Id = Id, CustomId = CustomId, Email = Email, Name = Name, JoinedAt = JoinedAt };
    }

    private sealed class CobrowseEntry
    {
        public required string Id { get; init; }

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? EndedAt { get; set; }

        public string? RequestedBy { get; set; }

        public string? EndedBy { get; set; }

        public string? RemoteControl { get; set; }

        public string? FullDevice { get; set; }

        public SessionCobrowse ToRecord() => new()
        {
            Id = Id,
            StartedAt = StartedAt,
            EndedAt = EndedAt,
            RequestedBy = RequestedBy,
            EndedBy = EndedBy,
            RemoteControl = RemoteControl,
            FullDevice = FullDevice,
        };
    }
}
