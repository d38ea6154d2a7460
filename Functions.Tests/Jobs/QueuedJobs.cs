using System.Collections.Concurrent;
using System.Globalization;
using System.Web;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Switchboard.Pipeline;

namespace Switchboard.Tests.Jobs;

/// <summary>
/// Notes every message a queue client puts on <see cref="QueueNames.Jobs"/>, with the receipt the queue returned. A
/// queue hides a message on its own clock, which a test cannot move; with the receipt the test ends the wait itself
/// (<see cref="ShowAsync"/>) when it has moved the host's clock to the time the queue would have shown the message.
/// </summary>
internal sealed class QueuedJobs : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<QueuedJob> puts = new();

    public IReadOnlyList<QueuedJob> Puts => [.. puts];

    /// <summary>Makes <paramref name="job"/> visible now, as the queue does when its visibility timeout ends.</summary>
    public static async Task ShowAsync(QueueClient jobs, QueuedJob job) =>
        await jobs.UpdateMessageAsync(job.MessageId, job.PopReceipt, visibilityTimeout: TimeSpan.Zero);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Note(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Note(message);
    }

    private void Note(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        if (message.Request.Method != RequestMethod.Post
            || !uri.AbsolutePath.EndsWith($"/{QueueNames.Jobs}/messages", StringComparison.Ordinal)
            || message.Response.Status != 201)
        {
            return;
        }

        var hidden = HttpUtility.ParseQueryString(uri.Query)["visibilitytimeout"];
        var put = XDocument.Parse(message.Response.Content.ToString()).Root!.Element("QueueMessage")!;
        puts.Enqueue(new QueuedJob(
            put.Element("MessageId")!.Value,
            put.Element("PopReceipt")!.Value,
            TimeSpan.FromSeconds(hidden is null ? 0 : int.Parse(hidden, CultureInfo.InvariantCulture)),
            DateTimeOffset.Parse(put.Element("InsertionTime")!.Value, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(put.Element("TimeNextVisible")!.Value, CultureInfo.InvariantCulture)));
    }
}
