using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Tests.Email;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 on a free port, inside the test process: EHLO/HELO, MAIL FROM, RCPT TO, DATA,
/// RSET, NOOP and QUIT, no extensions (so no STARTTLS or AUTH). Every completed DATA is a transaction; the first
/// <c>rejectFirst</c> are answered with <c>rejectWith</c> (451 by default, a transient failure) after the message
/// arrived, the rest with 250 and kept in <see cref="Messages"/>.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly int rejectFirst;
    private readonly string rejectWith;
    private int transactions;

    private SmtpSink(int rejectFirst, string rejectWith)
    {
        this.rejectFirst = rejectFirst;
        this.rejectWith = rejectWith;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Messages answered with 250, in arrival order.</summary>
    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>How many DATA transactions were completed, accepted or not.</summary>
    public int Transactions => Volatile.Read(ref transactions);

    public static SmtpSink Start(int rejectFirst = 0, string rejectWith = "451 4.3.0 Temporary local problem, try again") => new(rejectFirst, rejectWith);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.test ESMTP ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 sink.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader);
                        var number = Interlocked.Increment(ref transactions);
                        if (number <= rejectFirst)
                        {
                            await writer.WriteLineAsync(rejectWith);
                        }
                        else
                        {
                            Messages.Enqueue(new ReceivedMail(from ?? string.Empty, [.. recipients], data));
                            await writer.WriteLineAsync("250 2.0.0 OK queued");
                        }

                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line && line != ".")
        {
            // Dot-stuffing: the client doubled a leading dot.
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    // "MAIL FROM:<a@b> SIZE=1" or "RCPT TO:<a@b>": the address between the angle brackets.
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
