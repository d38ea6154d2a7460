using Azure;

namespace Switchboard.Storage;

/// <summary>
/// A blob being downloaded: <see cref="Content"/> reads straight from the connection, so dispose the
/// result (which closes the connection's response) as soon as reading is done.
/// </summary>
public sealed class BlobDownloadStreamingResult : IDisposable, IAsyncDisposable
{
    private readonly IDisposable owner;

    internal BlobDownloadStreamingResult(Stream content, BlobProperties properties, IDisposable owner)
    {
        Content = content;
        Properties = properties;
        this.owner = owner;
    }

    /// <summary>The blob's bytes, read as they arrive; not seekable.</summary>
    public Stream Content { get; }

    /// <summary>The blob's content type, or null when it has none.</summary>
    public string? ContentType => Properties.ContentType;

    /// <summary>The blob's size in bytes: how many bytes <see cref="Content"/> yields.</summary>
    public long ContentLength => Properties.ContentLength;

    /// <summary>The ETag of the blob version being read.</summary>
    public ETag ETag => Properties.ETag;

    /// <summary>When the blob was last written.</summary>
    public DateTimeOffset LastModified => Properties.LastModified;

    /// <summary>The blob's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata => Properties.Metadata;

    /// <summary>All the blob's properties as the download reported them.</summary>
    public BlobProperties Properties { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        owner.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        owner.Dispose();
    }
}
