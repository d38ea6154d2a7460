namespace Switchboard.Events;

/// <summary>
/// The channel names adapters put in <see cref="EventSession.Channel"/>. The session export files sessions
/// under <c>call-</c> or <c>chat-</c>, so every platform's spelling of a voice or messaging channel is
/// folded into these; a name not recognised is kept in lower case.
/// </summary>
public static class SessionChannels
{
    /// <summary>Voice and video calls.</summary>
    public const string Call = "call";

    /// <summary>Web chat, SMS and messaging apps.</summary>
    public const string Chat = "chat";

    /// <summary>E-mail interactions.</summary>
    public const string Email = "email";

    /// <summary>Back-office tasks (Webitel task queues).</summary>
    public const string Task = "task";

    /// <summary>
    /// Folds a platform's channel name (uContact's <c>telephony</c>, <c>webchat</c>, <c>sms</c>; Webitel's
    /// <c>call</c>, <c>chat</c>, <c>task</c> …) into one of the constants; other names come back trimmed and in lower case.
    /// </summary>
    public static string Normalise(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var name = channel.Trim().ToLowerInvariant();
        return name switch
        {
            "call" or "voice" or "phone" or "telephony" or "telefonia" or "telefonía" or "llamada" or "video"
                or "videocall" or "video call" or "videollamada" => Call,
            "chat" or "webchat" or "web chat" or "sms" or "whatsapp" or "messaging" or "messenger"
                or "facebook" or "instagram" or "telegram" => Chat,
            "email" or "e-mail" or "mail" or "correo" => Email,
            "task" => Task,
            _ => name,
        };
    }

    /// <summary>
    /// <see cref="Normalise"/> for a channel field a payload may leave out: a session whose platform names no channel is
    /// a call.
    /// </summary>
    public static string NormaliseOrCall(string? channel) => channel is null ? Call : Normalise(channel);
}
