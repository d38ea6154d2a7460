namespace Switchboard.Host.Queues;

/// <summary>Configuration section <c>Queues</c>: how the portable host's queue workers poll and lease.</summary>
public sealed class QueueOptions
{
    /// <summary>
    /// False makes this instance ingest and serve the API only, leaving the queues to other instances (default true).
    /// </summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Messages processed at once per queue (1–32, default 16, as host.json's batchSize).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The longest wait between polls of an idle queue (default 1 s); a busy queue is polled at once.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after an empty poll, doubling up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a received message stays hidden; renewed at half this while it is worked on (default 30 s).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives after which a failing message moves to the poison queue (default 5, as the Functions host).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>On shutdown, how long in-flight messages may finish before they are released to other instances (default 30 s).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
