using System.Net.Sockets;
using System.Text;

namespace Switchboard.Tests.Guard;

/// <summary>Sends a request whose framing is broken, which HttpClient refuses to do, over a plain socket.</summary>
internal static class RawHttp
{
    /// <summary>The response's status, Content-Type and body.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> SendAsync(Uri server, GuardRequest request, IReadOnlyList<KeyValuePair<string, string>> headers, GuardFraming framing)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"{request.Method} {request.Target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers.Concat(request.Headers))
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (request.ContentType is not null)
        {
            head.Append("Content-Type: ").Append(request.ContentType).Append("\r\n");
        }

        var body = request.Body ?? [];
        head.Append(framing == GuardFraming.ShortBody ? $"Content-Length: {body.Length + 100}\r\n" : "Transfer-Encoding: chunked\r\n").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (framing == GuardFraming.ShortBody)
        {
            await stream.WriteAsync(body);
        }
        else
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("zz\r\n{}\r\n0\r\n\r\n"));
        }

        // The connection stays open, as a stalled client leaves it: a short body is given up on at the server's minimum
        // data rate, a broken chunk as soon as it is read.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException)
        {
            // The server may reset the connection after answering, as the body's rest was never read.
        }

        return Parse(response.ToArray());
    }

    private static (int Status, string? ContentType, string Body) Parse(byte[] response)
    {
        var split = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0 || !response.AsSpan().StartsWith("HTTP/1.1 "u8))
        {
            return (0, null, Encoding.UTF8.GetString(response));
        }

        var lines = Encoding.ASCII.GetString(response, 0, split).Split("\r\n");
        var status = int.Parse(lines[0].AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var contentType = lines.Skip(1).Select(l => l.Split(':', 2)).FirstOrDefault(p => p[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?[1].Trim();
        var body = response.AsSpan(split + 4);
        var chunked = lines.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase));
        return (status, contentType, Encoding.UTF8.GetString(chunked ? Unchunk(body) : body));
    }

    private static byte[] Unchunk(ReadOnlySpan<byte> body)
    {
        var result = new List<byte>();
        while (true)
        {
            var end = body.IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body[..end]), 16);
            if (size == 0)
            {
                return [.. result];
            }

            result.AddRange(body.Slice(end + 2, size));
            body = body[(end + 2 + size + 2)..];
        }
    }
}
