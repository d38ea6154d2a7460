using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Pipeline;

/// <summary>Creates delivery ids, which are also the <c>webhook-id</c> receivers deduplicate on.</summary>
public static class DeliveryIds
{
    /// <summary>The prefix of every delivery id.</summary>
    public const string Prefix = "dlv_";

    private const string EventPrefix = "evt_";

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// The id of the first delivery of <paramref name="eventId"/> through <paramref name="triggerId"/>: <c>dlv_</c> and
    /// 32 hex digits derived from both, so processing the same event twice yields the same delivery (and the same
    /// <c>webhook-id</c>), never a second one. For Switchboard's own event ids (version-7 GUIDs, see
    /// <see cref="Events.EventIds"/>) the first 12 digits are the event's millisecond timestamp and the other 20 a
    /// SHA-256 of both ids, so deliveries sort by time in the attempt log; other event ids give 32 digits of hash.
    /// </summary>
    public static string For(string eventId, string triggerId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(triggerId);

        // The separator cannot occur in either id, so ("ab", "c") and ("a", "bc") hash differently.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId}\n{triggerId}"), hash);
        var digest = Convert.ToHexStringLower(hash[..16]);
        return IsVersion7EventId(eventId)
            ? string.Concat(Prefix, eventId.AsSpan(EventPrefix.Length, 12), digest.AsSpan(0, 20))
            : Prefix + digest;
    }

    /// <summary>A new, unique id ordered by <paramref name="now"/>, for replays and trigger tests.</summary>
    public static string New(DateTimeOffset now) => Prefix + Guid.CreateVersion7(now).ToString("N");

    // evt_ + 32 lower-case hex digits whose 13th is the GUID version, 7.
    private static bool IsVersion7EventId(string eventId) =>
        eventId.Length == EventPrefix.Length + 32
        && eventId.StartsWith(EventPrefix, StringComparison.Ordinal)
        && eventId[EventPrefix.Length + 12] == '7'
        && eventId.AsSpan(EventPrefix.Length).IndexOfAnyExcept(LowerHex) < 0;
}
