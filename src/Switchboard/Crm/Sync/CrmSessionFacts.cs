using System.Globalization;
using Switchboard.Crm.Calls;
using Switchboard.Events;
using Switchboard.Sessions;

namespace Switchboard.Crm.Sync;

/// <summary>
/// What Switchboard knows about a session, for the CRM variables: the folded metadata (agents, queue, customer,
/// rating, durations …) and the fields events carry that the metadata does not keep, read from the payload's field
/// object (<c>data</c> of a CCAI event, else the body) with the last non-empty value winning:
/// <list type="table">
/// <item><term>customer</term><description><c>end_user_name</c>/<c>customer_name</c>, <c>end_user_phone</c>/<c>end_user_phone_number</c>/<c>customer_phone_number</c>/<c>phone_number</c>/<c>ani</c>,
/// <c>end_user_email</c>/<c>customer_email</c>/<c>email</c>, <c>end_user_id</c> — each only when the metadata names none</description></item>
/// <item><term>session</term><description><c>lang</c>/<c>language</c>, <c>custom_user_id</c>/<c>cuid</c>, <c>menu_id</c>, <c>support_phone_number</c>/<c>dnis</c>,
/// <c>outbound_number</c>/<c>outbound_phone_number</c>, <c>device_type</c>, <c>disconnected_by</c>, <c>smart_action_session_id</c></description></item>
/// <item><term>SDK</term><description><c>sdk_name</c>, <c>sdk_email</c>, <c>sdk_phone</c>, <c>sdk_identifier</c></description></item>
/// <item><term>CRM</term><description><c>crm_account_id</c>/<c>account_id</c>: an account id already known, for the find-by-id endpoint</description></item>
/// </list>
/// </summary>
public sealed record CrmSessionFacts
{
    private static readonly string[] NameFields = ["end_user_name", "customer_name"];
    private static readonly string[] PhoneFields = ["end_user_phone", "end_user_phone_number", "customer_phone_number", "phone_number", "ani"];
    private static readonly string[] EmailFields = ["end_user_email", "customer_email", "email"];

    /// <summary>The session.</summary>
    public required SessionKey Session { get; init; }

    /// <summary>The session folded from its journal.</summary>
    public required SessionMetadata Metadata { get; init; }

    /// <summary>The agent who answered: the first to join.</summary>
    public SessionAgent? Agent => Metadata.Agents.Count > 0 ? Metadata.Agents[0] : null;

    /// <summary>The customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The customer's phone number as sent.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>The customer's e-mail.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The platform's id of the customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Payload fields by the names listed above, the last non-empty value of each.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>The facts of <paramref name="session"/> from its journaled <paramref name="events"/> and their <paramref name="metadata"/>.</summary>
    public static CrmSessionFacts From(SessionKey session, IEnumerable<CanonicalEvent> events, SessionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metadata);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var canonical in events.OrderBy(e => e.OccurredAt.UtcTicks).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            var data = PayloadValues.CcaiFields(canonical.Data);
            foreach (var name in KnownFields)
            {
                if (data.TextOf(name) is { } value)
                {
                    fields[name] = value;
                }
            }
        }

        var user = metadata.EndUser;
        return new CrmSessionFacts
        {
            Session = session,
            Metadata = metadata,
            CustomerName = user?.Name ?? First(fields, NameFields),
            CustomerPhone = user?.Phone ?? First(fields, PhoneFields),
            CustomerEmail = user?.Email ?? First(fields, EmailFields),
            CustomerId = user?.Id ?? fields.GetValueOrDefault("end_user_id"),
            Fields = fields,
        };
    }

    /// <summary>A field by name, or null.</summary>
    public string? Field(params string[] names) => First(Fields, names);

    /// <summary>An account id the session's events already carry, for the find-by-id endpoint.</summary>
    public string? KnownAccountId => Field("crm_account_id", "account_id");

    /// <summary>The channel as "CRM personalizzato" names it: voice_call for calls, chat for chats, otherwise the channel.</summary>
    public string ChannelName => Session.Channel switch
    {
        SessionChannels.Call => "voice_call",
        _ => Session.Channel,
    };

    /// <summary>The custom user id: the one sent, else the part of the customer's e-mail before '@' (as CCAI does for mobile).</summary>
    public string? CustomUserId
    {
        get
        {
            if (Field("custom_user_id", "cuid") is { } sent)
            {
                return sent;
            }

            var email = Field("sdk_email") ?? CustomerEmail;
            var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
            return at > 0 ? email![..at] : null;
        }
    }

    /// <summary>The queue's name: the last part of its path ("Developers / Kim" gives "Kim").</summary>
    public string? QueueName => Metadata.Queue?.Name?.Split('/').Select(p => p.Trim()).LastOrDefault(p => p.Length > 0);

    /// <summary>
    /// The request-parameter variables of this session; phone numbers in <paramref name="phoneFormat"/> (its search
    /// form when <paramref name="search"/>), those without a country code read as numbers of <paramref name="region"/>
    /// (<see cref="CrmPhoneFormat.DefaultRegion"/> when null). Unknown values are absent, so they read as empty; the
    /// CRM's ids and the per-request variables (comment, file) are the caller's to add.
    /// </summary>
    public CrmValues ToValues(string phoneFormat, bool search, string? region = null)
    {
        var metadata = Metadata;
        var (first, last) = SplitName(CustomerName);
        return new CrmValues()
            .Set(CrmVariables.AgentId, Agent?.Id)
            .Set(CrmVariables.AgentCustomId, Agent?.CustomId)
            .Set(CrmVariables.AgentEmail, Agent?.Email)
            .Set(CrmVariables.Name, CustomerName)
            .Set(CrmVariables.FirstName, first)
            .Set(CrmVariables.LastName, last ?? "--")
            .Set(CrmVariables.UjetId, CustomerId)
            .Set(CrmVariables.Email, CustomerEmail)
            .Set(CrmVariables.SessionType, metadata.SessionType)
            .Set(CrmVariables.PhoneNumber, CrmPhoneFormat.Format(CustomerPhone, phoneFormat, search, region))
            .Set(CrmVariables.CallId, metadata.CallId)
            .Set(CrmVariables.ChatId, metadata.ChatId)
            .Set(CrmVariables.Lang, Field("lang", "language"))
            .Set(CrmVariables.CustomUserId, CustomUserId)
            .Set(CrmVariables.SessionId, Session.SessionId)
            .Set(CrmVariables.MenuPath, metadata.Queue?.Name)
            .Set(CrmVariables.OutboundPhoneNumber, CrmPhoneFormat.Format(Field("outbound_phone_number", "outbound_number"), phoneFormat, search, region))
            .Set(CrmVariables.QueueName, QueueName)
            .Set(CrmVariables.QueueId, metadata.Queue?.Id)
            .Set(CrmVariables.SdkName, Field("sdk_name"))
            .Set(CrmVariables.SdkEmail, Field("sdk_email"))
            .Set(CrmVariables.SdkPhone, Field("sdk_phone"))
            .Set(CrmVariables.SdkIdentifier, Field("sdk_identifier"))
            .Set(CrmVariables.SmartActionSessionId, Field("smart_action_session_id"))
            .Set(CrmVariables.Rating, metadata.Rating?.Score)
            .Set(CrmVariables.Feedback, metadata.Rating?.Feedback)
            .Set(CrmVariables.CallDuration, MinutesSeconds(metadata.DurationSeconds))
            .Set(CrmVariables.HoldTime, MinutesSeconds(metadata.HoldTimeSeconds))
            .Set(CrmVariables.WaitTime, MinutesSeconds(metadata.WaitTimeSeconds))
            .Set(CrmVariables.DeviceType, Field("device_type"))
            .Set(CrmVariables.DisconnectedBy, Field("disconnected_by"))
            .Set(CrmVariables.Channel, ChannelName)
            .Set(CrmVariables.TicketSubject, CrmText.Subject(this, phoneFormat, region))
            .Set(CrmVariables.TicketDescription, CrmText.Description(this, phoneFormat, html: false, region))
            .Set(CrmVariables.TicketDescriptionHtml, CrmText.Description(this, phoneFormat, html: true, region));
    }

    /// <summary>
    /// The twelve variables of the custom lookup URLs; phone numbers in <paramref name="phoneFormat"/>'s search form,
    /// those without a country code read as numbers of <paramref name="region"/> (<see cref="CrmPhoneFormat.DefaultRegion"/> when null).
    /// </summary>
    public CrmValues ToLookupValues(string phoneFormat, string? region = null)
    {
        var phone = CrmPhoneFormat.Format(CustomerPhone, phoneFormat, search: true, region);
        return new CrmValues()
            .Set(CrmVariables.CustomerPhoneNumber, phone)
            .Set(CrmVariables.Ani, phone)
            .Set(CrmVariables.Cuid, CustomUserId)
            .Set(CrmVariables.Email, CustomerEmail)
            .Set(CrmVariables.MenuPath, Metadata.Queue?.Name)
            .Set(CrmVariables.MenuId, Field("menu_id"))
            .Set(CrmVariables.Channel, ChannelName)
            .Set(CrmVariables.Type, Metadata.SessionType)
            .Set(CrmVariables.SupportPhoneNumber, CrmPhoneFormat.Format(Field("support_phone_number", "dnis"), phoneFormat, search: true, region))
            .Set(CrmVariables.OutboundNumber, CrmPhoneFormat.Format(Field("outbound_number", "outbound_phone_number"), phoneFormat, search: true, region))
            .Set(CrmVariables.SessionId, Session.SessionId)
            .Set(CrmVariables.CustomAgentId, Agent?.CustomId);
    }

    /// <summary>Seconds as mm:ss (minutes may pass 59), rounded to the second; null stays null.</summary>
    public static string? MinutesSeconds(double? seconds)
    {
        if (seconds is not { } value || value < 0 || !double.IsFinite(value))
        {
            return null;
        }

        var total = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{total / 60:00}:{total % 60:00}");
    }

    /// <summary>The first name and the rest; the rest is null when the name has a single word.</summary>
    public static (string? First, string? Last) SplitName(string? name)
    {
        var words = name?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return words.Length switch
        {
            0 => (null, null),
            1 => (words[0], null),
            _ => (words[0], string.Join(' ', words[1..])),
        };
    }

    private static readonly string[] KnownFields =
    [
        .. NameFields, .. PhoneFields, .. EmailFields, "end_user_id", "lang", "language", "custom_user_id", "cuid", "menu_id",
        "support_phone_number", "dnis", "outbound_number", "outbound_phone_number", "device_type", "disconnected_by",
        "smart_action_session_id", "sdk_name", "sdk_email", "sdk_phone", "sdk_identifier", "crm_account_id", "account_id",
    ];

    private static string? First(IReadOnlyDictionary<string, string> fields, string[] names) =>
        names.Select(fields.GetValueOrDefault).FirstOrDefault(v => v is not null);
}
