using System.Globalization;
using System.Text.Json;

namespace Switchboard.Events.Payloads;

/// <summary>
/// Reads the times platforms send: ISO 8601 with an offset or Z; "yyyy-MM-dd HH:mm:ss" (T or space,
/// optional fraction) without an offset, read in the platform's time zone; RFC 1123; and Unix epoch
/// seconds or milliseconds, as numbers or numeric strings. A local time that a daylight-saving change
/// skips or repeats is read with the zone's standard offset. Anything else, including impossible dates,
/// is not a time.
/// </summary>
internal static class EventTimestamp
{
    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
        "r",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm",
    ];

    // Numbers below this are seconds: 1e11 s is the year 5138, 1e11 ms is 1973.
    private const double MillisecondsThreshold = 1e11;

    /// <summary>Reads <paramref name="value"/>, which may be absent (<see cref="JsonValueKind.Undefined"/>), null or blank.</summary>
    public static TimestampReading Read(JsonElement value, TimeZoneInfo zone, out DateTimeOffset at)
    {
        at = default;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out var number) && TryFromEpoch(number, out at) ? TimestampReading.Read : TimestampReading.Unreadable;
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return TimestampReading.Absent;
                }

                return TryParse(text.Trim(), zone, out at) ? TimestampReading.Read : TimestampReading.Unreadable;
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return TimestampReading.Absent;
            default:
                return TimestampReading.Unreadable;
        }
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> that reads as a time, else the receive time; a candidate that
    /// was present but unreadable adds <see cref="EventFlags.DateUnparseable"/> to <paramref name="flags"/>.
    /// </summary>
    public static DateTimeOffset OccurredAt(ReadOnlySpan<JsonElement> candidates, TimeZoneInfo zone, DateTimeOffset receivedAt, List<string> flags)
    {
        var unreadable = false;
        foreach (var candidate in candidates)
        {
            switch (Read(candidate, zone, out var at))
            {
                case TimestampReading.Read:
                    return at;
                case TimestampReading.Unreadable:
                    unreadable = true;
                    break;
            }
        }

        if (unreadable)
        {
            flags.Add(EventFlags.DateUnparseable);
        }

        return receivedAt.ToUniversalTime();
    }

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset at)
    {
        if (DateTimeOffset.TryParseExact(text, ZonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            at = at.ToUniversalTime();
            return true;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return TryInZone(local, zone, out at);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryFromEpoch(number, out at);
    }

    private static bool TryInZone(DateTime local, TimeZoneInfo zone, out DateTimeOffset at)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            at = default;
            return false;
        }

        at = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryFromEpoch(double number, out DateTimeOffset at)
    {
        at = default;
        if (!double.IsFinite(number) || number <= 0)
        {
            return false;
        }

        var milliseconds = number < MillisecondsThreshold ? number * 1000 : number;
        if (milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        at = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }
}
