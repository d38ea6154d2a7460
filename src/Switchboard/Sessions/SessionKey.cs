using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Events;

namespace Switchboard.Sessions;

/// <summary>
/// Names one session: the tenant it was posted for, its channel and the platform's session id. The journal keeps
/// a session's events in partition <see cref="PartitionKey"/>, and the archive files it as <see cref="FileStem"/>.
/// </summary>
public sealed record SessionKey
{
    /// <summary>
    /// The longest partition key written as is. Table keys may be 1 KiB; a longer one keeps its first part and
    /// ends in a hash of the whole, so it stays unique and legal.
    /// </summary>
    private const int MaxReadableKeyLength = 400;

    /// <summary>
    /// The longest file stem written as is. Blob names may be 1,024 characters; the folder path, folder, a media id and
    /// an extension must still fit around the stem.
    /// </summary>
    private const int MaxReadableStemLength = 400;

    /// <summary>Creates the key; throws <see cref="ArgumentException"/> when a part is empty.</summary>
    public SessionKey(string tenant, string channel, string sessionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        Tenant = tenant;
        Channel = channel;
        SessionId = sessionId;
    }

    /// <summary>The tenant the session's events were posted for.</summary>
    public string Tenant { get; }

    /// <summary>The session's channel (<see cref="SessionChannels"/>): call, chat, email, task or a platform's own name.</summary>
    public string Channel { get; }

    /// <summary>The platform's session id (call id, chat id, interaction guid …).</summary>
    public string SessionId { get; }

    /// <summary>
    /// <c>{tenant}|{channel}-{sessionId}</c>, with the characters table keys may not hold (<c>/ \ # ?</c> and control
    /// characters) and the separators' own characters inside a part percent-encoded.
    /// </summary>
    public string PartitionKey
    {
        get
        {
            var key = $"{Escape(Tenant, "|")}|{Escape(Channel, "|-")}-{Escape(SessionId, string.Empty)}";
            return Bounded(key, MaxReadableKeyLength);
        }
    }

    /// <summary>
    /// The session's name in archive file names: <c>{channel}-{id}</c> (<c>call-103646</c>, <c>chat-73522</c>). Both come
    /// from event data, so both are percent-encoded where they hold characters other than letters, digits, '-', '_', '.'
    /// and '~' (and the channel's '-' too, so distinct sessions keep distinct names): a channel such as
    /// <c>../../x</c> stays one name inside the archive folder. A stem over 400 characters keeps its start and ends in a
    /// SHA-256 of the whole, so every session the ingest accepted has a name storage accepts.
    /// </summary>
    public string FileStem => Bounded($"{Uri.EscapeDataString(Channel).Replace("-", "%2D", StringComparison.Ordinal)}-{Uri.EscapeDataString(SessionId)}", MaxReadableStemLength);

    /// <summary>The key of the session <paramref name="canonical"/> belongs to, or null when it belongs to none.</summary>
    public static SessionKey? For(CanonicalEvent canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.Session is { } session ? new SessionKey(canonical.Tenant, session.Channel, session.Id) : null;
    }

    /// <summary>
    /// <paramref name="value"/> with '%', the characters table keys refuse, and <paramref name="separators"/>
    /// percent-encoded, so distinct values stay distinct keys.
    /// </summary>
    public static string Escape(string value, string separators)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var unsafeChar = c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c) || separators.Contains(c, StringComparison.Ordinal);
            if (unsafeChar)
            {
                escaped ??= new StringBuilder(value, 0, i, value.Length + 8);
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? value;
    }

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> characters; otherwise its start and a
    /// SHA-256 of the whole, <paramref name="maxLength"/> characters in all, so it stays unique.
    /// </summary>
    internal static string Bounded(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var keep = maxLength - hash.Length - 1;

        // Never cut between the halves of a surrogate pair: the service refuses the lone half.
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return $"{text[..keep]}~{hash}";
    }
}
