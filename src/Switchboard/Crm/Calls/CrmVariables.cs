namespace Switchboard.Crm.Calls;

/// <summary>
/// The variable names of "CRM personalizzato": those of the request-parameter table ("Parametri URL di richiesta"),
/// usable in endpoint URLs and parameter values, and the twelve of the custom lookup URLs. Names compare
/// case-insensitively (the document writes <c>{Call_ID}</c> and <c>{Chat_ID}</c>).
/// </summary>
public static class CrmVariables
{
    /// <summary>The internal id of the agent who answered.</summary>
    public const string AgentId = "AGENT_ID";

    /// <summary>The agent's custom id (optional profile field).</summary>
    public const string AgentCustomId = "AGENT_CUSTOM_ID";

    /// <summary>The e-mail of the agent who answered, if any.</summary>
    public const string AgentEmail = "AGENT_EMAIL";

    /// <summary>The customer's name.</summary>
    public const string Name = "NAME";

    /// <summary>The customer's first name, taken from the name.</summary>
    public const string FirstName = "FIRST_NAME";

    /// <summary>The customer's last name, taken from the name; <c>--</c> when missing.</summary>
    public const string LastName = "LAST_NAME";

    /// <summary>The platform's id of the customer (external id).</summary>
    public const string UjetId = "UJET_ID";

    /// <summary>The customer's e-mail.</summary>
    public const string Email = "EMAIL";

    /// <summary>The call or session type.</summary>
    public const string SessionType = "SESSION_TYPE";

    /// <summary>The customer's phone number, in the configured format.</summary>
    public const string PhoneNumber = "PHONE_NUMBER";

    /// <summary>The call id, for calls.</summary>
    public const string CallId = "CALL_ID";

    /// <summary>The chat id, for chats.</summary>
    public const string ChatId = "CHAT_ID";

    /// <summary>The language.</summary>
    public const string Lang = "LANG";

    /// <summary>The custom user id; for mobile, the left side of the e-mail.</summary>
    public const string CustomUserId = "CUSTOM_USER_ID";

    /// <summary>The account id the find or create account endpoint returned.</summary>
    public const string AccountId = "ACCOUNT_ID";

    /// <summary>The record id the find or create record endpoint returned.</summary>
    public const string RecordId = "RECORD_ID";

    /// <summary>The session id.</summary>
    public const string SessionId = "SESSION_ID";

    /// <summary>The queue's full menu path.</summary>
    public const string MenuPath = "MENU_PATH";

    /// <summary>The number an agent dialled out from, in the configured format.</summary>
    public const string OutboundPhoneNumber = "OUTBOUND_PHONE_NUMBER";

    /// <summary>The queue's name (the last part of its path).</summary>
    public const string QueueName = "QUEUE_NAME";

    /// <summary>The queue's internal id.</summary>
    public const string QueueId = "QUEUE_ID";

    /// <summary>The customer's name as the web or mobile SDK gave it.</summary>
    public const string SdkName = "SDK_NAME";

    /// <summary>The customer's e-mail as the SDK gave it.</summary>
    public const string SdkEmail = "SDK_EMAIL";

    /// <summary>The customer's phone as the SDK gave it.</summary>
    public const string SdkPhone = "SDK_PHONE";

    /// <summary>The SDK's identifier of the customer or account.</summary>
    public const string SdkIdentifier = "SDK_IDENTIFIER";

    /// <summary>The Smart Action session id.</summary>
    public const string SmartActionSessionId = "SMART_ACTION_SESSION_ID";

    /// <summary>The customer's rating, when they left one.</summary>
    public const string Rating = "RATING";

    /// <summary>The customer's feedback message, when they left one.</summary>
    public const string Feedback = "FEEDBACK";

    /// <summary>The call's duration, mm:ss.</summary>
    public const string CallDuration = "CALL_DURATION";

    /// <summary>The time on hold, mm:ss.</summary>
    public const string HoldTime = "HOLD_TIME";

    /// <summary>The time waiting for an agent, mm:ss.</summary>
    public const string WaitTime = "WAIT_TIME";

    /// <summary>The customer's device type.</summary>
    public const string DeviceType = "DEVICE_TYPE";

    /// <summary>Who disconnected.</summary>
    public const string DisconnectedBy = "DISCONNECTED_BY";

    /// <summary>The channel: voice_call or chat.</summary>
    public const string Channel = "CHANNEL";

    /// <summary>The record's title.</summary>
    public const string TicketSubject = "TICKET_SUBJECT";

    /// <summary>The record's description, plain text.</summary>
    public const string TicketDescription = "TICKET_DESCRIPTION";

    /// <summary>The record's description, HTML.</summary>
    public const string TicketDescriptionHtml = "TICKET_DESCRIPTION_HTML";

    /// <summary>The comment's text; only in the comment endpoint.</summary>
    public const string CommentBody = "COMMENT_BODY";

    /// <summary>The file: base64, or the multipart file part; only in the upload endpoint.</summary>
    public const string FileData = "FILE_DATA";

    /// <summary>The uploaded file's name (<c>call-103646.mp3</c>); only in the upload endpoint. A Switchboard addition.</summary>
    public const string FileName = "FILE_NAME";

    /// <summary>The uploaded file's content type; only in the upload endpoint. A Switchboard addition.</summary>
    public const string FileContentType = "FILE_CONTENT_TYPE";

    /// <summary>The attachment id an upload's response gave; only in the attachment URL builder.</summary>
    public const string AttachmentId = "ATTACHMENT_ID";

    /// <summary>Lookup URLs: the customer's phone number, in the configured format.</summary>
    public const string CustomerPhoneNumber = "CUSTOMER_PHONE_NUMBER";

    /// <summary>Lookup URLs: the customer's phone number, kept for compatibility.</summary>
    public const string Ani = "ANI";

    /// <summary>Lookup URLs: the custom user id.</summary>
    public const string Cuid = "CUID";

    /// <summary>Lookup URLs: the menu id.</summary>
    public const string MenuId = "MENU_ID";

    /// <summary>Lookup URLs: the session type.</summary>
    public const string Type = "TYPE";

    /// <summary>Lookup URLs: the support number the customer called.</summary>
    public const string SupportPhoneNumber = "SUPPORT_PHONE_NUMBER";

    /// <summary>Lookup URLs: the number an agent dialled out from.</summary>
    public const string OutboundNumber = "OUTBOUND_NUMBER";

    /// <summary>Lookup URLs: the agent's custom id.</summary>
    public const string CustomAgentId = "CUSTOM_AGENT_ID";

    /// <summary>The request-parameter variables of "CRM personalizzato", in its table's order, and the two file additions.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        AgentId, AgentCustomId, AgentEmail, Name, FirstName, LastName, UjetId, Email, SessionType, PhoneNumber, CallId,
        ChatId, Lang, CustomUserId, AccountId, RecordId, SessionId, MenuPath, OutboundPhoneNumber, QueueName, QueueId,
        SdkName, SdkEmail, SdkPhone, SdkIdentifier, SmartActionSessionId, Rating, Feedback, CallDuration, HoldTime,
        WaitTime, DeviceType, DisconnectedBy, Channel, TicketSubject, TicketDescription, TicketDescriptionHtml,
        CommentBody, FileData, FileName, FileContentType,
    ];

    /// <summary>The twelve variables of the custom lookup URLs.</summary>
    public static readonly IReadOnlyList<string> Lookup =
    [
        CustomerPhoneNumber, Ani, Cuid, Email, MenuPath, MenuId, Channel, Type, SupportPhoneNumber, OutboundNumber,
        SessionId, CustomAgentId,
    ];

    /// <summary>The variables only the upload endpoint has.</summary>
    public static readonly IReadOnlyList<string> UploadOnly = [FileData, FileName, FileContentType];

    /// <summary>The canonical (upper-case) spelling of <paramref name="name"/>.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant();
    }
}
