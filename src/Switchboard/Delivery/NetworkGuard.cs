using System.Net;
using System.Net.Sockets;

namespace Switchboard.Delivery;

/// <summary>
/// Keeps webhooks (and redirects) off internal networks: the connect callback of the delivery client resolves the
/// host itself and connects only to public addresses, so a DNS name that points inside, or changes to point inside
/// after validation, is refused at the moment of connecting. Refused: loopback, private (10/8, 172.16/12,
/// 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), CGNAT (100.64/10), cloud metadata (169.254.169.254,
/// fd00:ec2::254), unspecified, multicast, broadcast and reserved ranges — also when written as IPv4-mapped
/// (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 IPv6 addresses —
/// and the local-use NAT64 prefix 64:ff9b:1::/48 as a whole. With private networks allowed, everything is reachable.
/// </summary>
public sealed class NetworkGuard(bool allowPrivateNetworks)
{
    /// <summary>True when every address is allowed (<see cref="DeliveryOptions.AllowPrivateNetworks"/>).</summary>
    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    /// <summary>Why <paramref name="address"/> may not be reached (e.g. <c>loopback</c>, <c>cloud metadata</c>), or null when it is public.</summary>
    public static string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        return length == 4 ? RefusalV4(bytes[..4]) : RefusalV6(bytes);
    }

    /// <summary>True when webhooks may reach <paramref name="address"/> even with private networks refused.</summary>
    public static bool IsPublic(IPAddress address) => Refusal(address) is null;

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops the addresses this guard refuses
    /// and connects to the first remaining one that answers. Throws <see cref="BlockedDestinationException"/> when no
    /// address remains, before any connection is attempted.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = AllowPrivateNetworks ? addresses : [.. addresses.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            var reasons = string.Join(", ", addresses.Select(a => $"{a} is {Refusal(a)}"));
            throw new BlockedDestinationException(addresses.Length == 0
                ? $"{endpoint.Host} resolved to no address."
                : $"{endpoint.Host} is not a public address ({reasons}); set Delivery:AllowPrivateNetworks only where every trigger is trusted.");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endpoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static string? RefusalV4(ReadOnlySpan<byte> b) => (b[0], b[1]) switch
    {
        (0, _) => "unspecified",
        (127, _) => "loopback",
        (10, _) or (172, >= 16 and <= 31) or (192, 168) => "private",
        (169, 254) when b[2] == 169 && b[3] == 254 => "cloud metadata",
        (169, 254) => "link-local",
        (100, >= 64 and <= 127) => "CGNAT",
        (192, 0) when b[2] == 0 => "reserved",
        (198, 18 or 19) => "reserved",
        _ when b[0] is >= 224 and <= 239 => "multicast",
        _ when b[0] >= 240 => "reserved",
        _ => null,
    };

    private static string? RefusalV6(ReadOnlySpan<byte> b)
    {
        var firstTwelveZero = b[..12].IndexOfAnyExcept((byte)0) < 0;
        if (firstTwelveZero)
        {
            // :: and ::1 are themselves; ::a.b.c.d (IPv4-compatible, deprecated) carries an IPv4 address.
            return b[12..].IndexOfAnyExcept((byte)0) < 0 ? "unspecified"
                : b[12..15].IndexOfAnyExcept((byte)0) < 0 && b[15] == 1 ? "loopback"
                : RefusalV4(b[12..]);
        }

        // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d) addresses reach the IPv4 address they carry.
        var mapped = b[..10].IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xff && b[11] == 0xff;
        var translated = b[..8].IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0;
        if (mapped || translated)
        {
            return RefusalV4(b[12..]);
        }

        if (b[0] == 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == 0xc2 && b[4..14].IndexOfAnyExcept((byte)0) < 0 && b[14] == 0x02 && b[15] == 0x54)
        {
            return "cloud metadata";
        }

        return (b[0], b[1]) switch
        {
            (0xfc or 0xfd, _) => "private",
            (0xfe, >= 0x80 and <= 0xbf) => "link-local",
            (0xfe, >= 0xc0) => "private",
            (0xff, _) => "multicast",

            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they embed.
            (0x00, 0x64) when b[2] == 0xff && b[3] == 0x9b && b[4..12].IndexOfAnyExcept((byte)0) < 0 => RefusalV4(b[12..]),

            // Local-use NAT64 (64:ff9b:1::/48) translates inside its own network, wherever the IPv4 address sits in it.
            (0x00, 0x64) when b[2] == 0xff && b[3] == 0x9b && b[4] == 0x00 && b[5] == 0x01 => "private",
            (0x20, 0x02) => RefusalV4(b[2..6]),
            _ => null,
        };
    }
}
