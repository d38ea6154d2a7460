using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace Switchboard.Storage;

/// <summary>
/// One queue: create, send (with a delay and a time to live), receive with a visibility timeout, delete by
/// pop receipt, lease renewal, peek and the approximate length. Message text goes on the wire as base64
/// of its UTF-8 bytes, what the Functions queue trigger reads by default. Method names follow
/// Azure.Storage.Queues.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The most bytes a message's stored (base64) text may have: 64 KiB.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The most messages one receive or peek returns.</summary>
    public const int MaxMessagesPerRequest = 32;

    /// <summary>The longest a message can be kept invisible, on send, receive or update: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The time to live of a message that never expires: -1 second, as the service spells it.</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>The time to live the service gives a message sent without one: 7 days.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromDays(7);

    private readonly StorageChannel channel;
    private readonly string path;

    internal QueueClient(StorageChannel channel, string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        this.channel = channel;
        Name = queueName;
        path = Uri.EscapeDataString(queueName);
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The queue's address.</summary>
    public Uri Uri => new(channel.Endpoint, path);

    /// <summary>Creates the queue unless it exists; true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Put, path);

        // 204 means the queue exists with the same (empty) metadata; 409 that it exists with other metadata.
        var response = await channel.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; true when it existed.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, path);
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// Queues <paramref name="messageText"/>, sent as base64 of its UTF-8 bytes.
    /// <paramref name="visibilityTimeout"/> delays it (0 to 7 days, default 0) and must be shorter than
    /// <paramref name="timeToLive"/> (default 7 days; at least 1 s, or <see cref="NeverExpires"/>); both are
    /// rounded up to whole seconds. Throws <see cref="ArgumentOutOfRangeException"/> for a value out of range
    /// and, before anything is sent, for a message whose base64 text exceeds <see cref="MaxMessageBytes"/>
    /// (a large body belongs in a blob, with a reference to it queued: claim-check).
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(
        string messageText,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        long? ttl = timeToLive is { } t ? TimeToLiveSeconds(t, nameof(timeToLive)) : null;
        long? delay = visibilityTimeout is { } v ? Seconds(v, 0, nameof(visibilityTimeout)) : null;
        var effectiveTtl = ttl ?? (long)DefaultTimeToLive.TotalSeconds;
        if (delay >= effectiveTtl && effectiveTtl != -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(visibilityTimeout),
                visibilityTimeout,
                $"A message's visibility timeout must be shorter than its time to live ({effectiveTtl} s).");
        }

        var body = QueueXml.MessageBody(Encode(messageText, nameof(messageText)));
        using var message = channel.Create(RequestMethod.Post, WithQuery($"{path}/messages", ("visibilitytimeout", delay), ("messagettl", ttl)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(body);
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var queued = QueueXml.Messages(response).FirstOrDefault() ?? throw QueueXml.Malformed("QueueMessage");
        return new SendReceipt(
            QueueXml.Text(queued, "MessageId"),
            QueueXml.Text(queued, "PopReceipt"),
            QueueXml.Date(queued, "InsertionTime"),
            QueueXml.Date(queued, "ExpirationTime"),
            QueueXml.Date(queued, "TimeNextVisible"));
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1 to 32) visible messages and hides them for
    /// <paramref name="visibilityTimeout"/> (1 s to 7 days, rounded up to whole seconds; default 30 s).
    /// Each is received again after that unless it is deleted or its lease renewed with
    /// <see cref="UpdateMessageAsync"/>. An empty list when no message is visible.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages = 1,
        TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages, nameof(maxMessages));
        long? lease = visibilityTimeout is { } v ? Seconds(v, 1, nameof(visibilityTimeout)) : null;
        using var message = channel.Create(RequestMethod.Get, WithQuery($"{path}/messages", ("numofmessages", maxMessages), ("visibilitytimeout", lease)));
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return QueueXml.Messages(response)
            .Select(m =>
            {
                var text = QueueXml.Text(m, "MessageText");
                return new QueueMessage(
                    QueueXml.Text(m, "MessageId"),
                    QueueXml.Text(m, "PopReceipt"),
                    QueueXml.Number(m, "DequeueCount"),
                    QueueXml.Date(m, "InsertionTime"),
                    QueueXml.Date(m, "ExpirationTime"),
                    QueueXml.Date(m, "TimeNextVisible"),
                    text,
                    QueueXml.Decode(text));
            })
            .ToList();
    }

    /// <summary>
    /// Returns up to <paramref name="maxMessages"/> (1 to 32) visible messages without receiving them:
    /// they stay visible and their dequeue count is unchanged.
    /// </summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages, nameof(maxMessages));
        using var message = channel.Create(RequestMethod.Get, WithQuery($"{path}/messages?peekonly=true", ("numofmessages", maxMessages)));
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return QueueXml.Messages(response)
            .Select(m =>
            {
                var text = QueueXml.Text(m, "MessageText");
                return new PeekedMessage(
                    QueueXml.Text(m, "MessageId"),
                    QueueXml.Number(m, "DequeueCount"),
                    QueueXml.Date(m, "InsertionTime"),
                    QueueXml.Date(m, "ExpirationTime"),
                    text,
                    QueueXml.Decode(text));
            })
            .ToList();
    }

    /// <summary>
    /// Deletes a received message; call it only once its work succeeded. True when deleted; false when the
    /// receipt no longer holds the message: it is gone (deleted or expired, 404) or its lease ran out and
    /// another receive took it (400 PopReceiptMismatch), so the work may be done twice. Neither is an error
    /// the caller can repair, so neither throws; any other failure throws <see cref="StorageException"/>.
    /// </summary>
    public async Task<bool> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, MessagePath(messageId, popReceipt));
        var response = await channel.SendAsync(message, cancellationToken, 400, 404).ConfigureAwait(false);
        if (response.Status == 400 && !IsPopReceiptMismatch(response))
        {
            throw StorageChannel.Failure(response);
        }

        return !response.IsError;
    }

    /// <summary>
    /// Renews a received message's lease: hides it for <paramref name="visibilityTimeout"/> from now
    /// (0 to 7 days, rounded up to whole seconds; zero returns it to the queue at once), replacing its text
    /// when <paramref name="messageText"/> is given (base64-encoded, at most <see cref="MaxMessageBytes"/>).
    /// Use the returned pop receipt from now on. Throws <see cref="StorageException"/> when the lease is
    /// lost: <see cref="StorageErrorKind.NotFound"/> when the message is gone, error code
    /// <c>PopReceiptMismatch</c> when another receive holds it.
    /// </summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        TimeSpan visibilityTimeout,
        string? messageText = null,
        CancellationToken cancellationToken = default)
    {
        var seconds = Seconds(visibilityTimeout, 0, nameof(visibilityTimeout));
        var body = messageText is null ? null : QueueXml.MessageBody(Encode(messageText, nameof(messageText)));
        using var message = channel.Create(RequestMethod.Put, WithQuery(MessagePath(messageId, popReceipt), ("visibilitytimeout", seconds)));
        if (body is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(body);
        }

        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new UpdateReceipt(
            response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : throw QueueXml.Malformed("x-ms-popreceipt"),
            QueueXml.Date(response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? next : null, "x-ms-time-next-visible"));
    }

    /// <summary>
    /// The service's approximate count of messages in the queue, invisible ones included; it may lag
    /// recent sends and deletes.
    /// </summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Get, path + "?comp=metadata");
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw QueueXml.Malformed("x-ms-approximate-messages-count");
    }

    /// <summary>Base64 of the text's UTF-8 bytes, refused before encoding when it would be too large.</summary>
    private static string Encode(string messageText, string paramName)
    {
        var encodedBytes = (Encoding.UTF8.GetByteCount(messageText) + 2L) / 3 * 4;
        if (encodedBytes > MaxMessageBytes)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                encodedBytes,
                $"The message is {encodedBytes} bytes once base64-encoded, over the queue limit of {MaxMessageBytes} bytes (64 KiB). " +
                "Put a large body in a blob and queue a reference to it (claim-check).");
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText));
    }

    private static long Seconds(TimeSpan value, long minimum, string paramName)
    {
        var seconds = (long)Math.Ceiling(value.TotalSeconds);
        return seconds >= minimum && seconds <= (long)MaxVisibilityTimeout.TotalSeconds
            ? seconds
            : throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"A visibility timeout must be from {minimum} s to {MaxVisibilityTimeout.TotalDays} days.");
    }

    private static long TimeToLiveSeconds(TimeSpan value, string paramName)
    {
        if (value == NeverExpires)
        {
            return -1;
        }

        var seconds = Math.Ceiling(value.TotalSeconds);
        return seconds >= 1 && seconds <= int.MaxValue
            ? (long)seconds
            : throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"A message's time to live must be from 1 s to {int.MaxValue} s, or QueueClient.NeverExpires.");
    }

    private static void CheckCount(int maxMessages, string paramName)
    {
        if (maxMessages is < 1 or > MaxMessagesPerRequest)
        {
            throw new ArgumentOutOfRangeException(paramName, maxMessages, $"From 1 to {MaxMessagesPerRequest} messages can be asked for at once.");
        }
    }

    /// <summary>The relative address with the parameters that have a value appended.</summary>
    private static string WithQuery(string relative, params ReadOnlySpan<(string Name, long? Value)> parameters)
    {
        var text = new StringBuilder(relative);
        var separator = relative.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (value is { } number)
            {
                text.Append(separator).Append(name).Append('=').Append(number.ToString(CultureInfo.InvariantCulture));
                separator = '&';
            }
        }

        return text.ToString();
    }

    private static bool IsPopReceiptMismatch(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "PopReceiptMismatch";

    private string MessagePath(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return $"{path}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}";
    }
}
