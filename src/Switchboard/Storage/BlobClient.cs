using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace Switchboard.Storage;

/// <summary>
/// One block blob: upload from a stream (one request when small, blocks when large, never holding more
/// than one buffer of it), download as a stream, properties, existence and delete. Method names follow
/// Azure.Storage.Blobs.
/// </summary>
public sealed class BlobClient
{
    /// <summary>The most blocks one blob may have.</summary>
    public const int MaxBlocks = 50_000;

    /// <summary>The longest blob name, in characters.</summary>
    public const int MaxNameLength = 1024;

    private static readonly BlobUploadOptions DefaultUpload = new();

    private readonly StorageChannel channel;
    private readonly string path;

    internal BlobClient(StorageChannel channel, BlobContainerClient container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var segments = blobName.Split('/');
        if (blobName.Length > MaxNameLength || segments.Any(s => s is "." or ".."))
        {
            throw new ArgumentException($"Blob name '{blobName}' is over {MaxNameLength} characters or has a '.' or '..' segment.", nameof(blobName));
        }

        this.channel = channel;
        Name = blobName;
        BlobContainerName = container.Name;
        path = container.PathOf(string.Join('/', segments.Select(Uri.EscapeDataString)));
    }

    /// <summary>The blob name.</summary>
    public string Name { get; }

    /// <summary>The name of the blob's container.</summary>
    public string BlobContainerName { get; }

    /// <summary>The blob's address.</summary>
    public Uri Uri => new(channel.Endpoint, path);

    /// <summary>
    /// Writes the blob from <paramref name="content"/>, read from its current position to its end (it need
    /// not be seekable). A stream that ends within <see cref="BlobUploadOptions.SingleUploadThresholdBytes"/>
    /// goes in one Put Blob request; a longer one as Put Block requests of
    /// <see cref="BlobUploadOptions.BlockSizeBytes"/> and a Put Block List that commits them, so memory use is
    /// one pooled buffer whatever the size, and each block can be retried on its own. With
    /// <see cref="BlobUploadOptions.Overwrite"/> false an existing blob makes it throw
    /// <see cref="StorageException"/> of kind <see cref="StorageErrorKind.AlreadyExists"/> (for a block upload,
    /// only after the blocks were sent; the service discards uncommitted blocks after a week).
    /// </summary>
    public async Task<BlobContentInfo> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= DefaultUpload;
        BlobHeaders.CheckMetadata(options.Metadata, nameof(options));
        var threshold = options.SingleUploadThresholdBytes;
        var blockSize = options.BlockSizeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(threshold, blockSize));
        try
        {
            var count = await FillAsync(content, buffer.AsMemory(0, threshold), cancellationToken).ConfigureAwait(false);

            // A stream exactly as long as the threshold still fits one request: one byte more tells.
            var next = new byte[1];
            var carry = count == threshold && await FillAsync(content, next, cancellationToken).ConfigureAwait(false) == 1;
            if (!carry)
            {
                return await PutBlobAsync(buffer.AsMemory(0, count), options, cancellationToken).ConfigureAwait(false);
            }

            var blocks = new BlockIds();
            var ended = false;
            while (true)
            {
                if (count < blockSize && !ended)
                {
                    if (carry)
                    {
                        buffer[count++] = next[0];
                        carry = false;
                    }

                    count += await FillAsync(content, buffer.AsMemory(count, blockSize - count), cancellationToken).ConfigureAwait(false);
                    ended = count < blockSize;
                }

                if (count == 0)
                {
                    break;
                }

                var take = Math.Min(count, blockSize);
                await PutBlockAsync(blocks.Next(), buffer.AsMemory(0, take), cancellationToken).ConfigureAwait(false);

                // Only when the threshold is larger than a block does data remain; it moves to the front.
                buffer.AsSpan(take, count - take).CopyTo(buffer);
                count -= take;
            }

            return await PutBlockListAsync(blocks.All, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the blob from bytes already in memory: one Put Blob up to the threshold, blocks above it
    /// (sent from the bytes themselves, without copies). Otherwise as
    /// <see cref="UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/>.
    /// </summary>
    public async Task<BlobContentInfo> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= DefaultUpload;
        BlobHeaders.CheckMetadata(options.Metadata, nameof(options));
        var bytes = content.ToMemory();
        if (bytes.Length <= options.SingleUploadThresholdBytes)
        {
            return await PutBlobAsync(bytes, options, cancellationToken).ConfigureAwait(false);
        }

        var blocks = new BlockIds();
        for (var offset = 0; offset < bytes.Length; offset += options.BlockSizeBytes)
        {
            var block = bytes.Slice(offset, Math.Min(options.BlockSizeBytes, bytes.Length - offset));
            await PutBlockAsync(blocks.Next(), block, cancellationToken).ConfigureAwait(false);
        }

        return await PutBlockListAsync(blocks.All, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the blob for reading: the returned <see cref="BlobDownloadStreamingResult.Content"/> streams
    /// from the connection, so a large blob is never buffered. Dispose the result when done. Throws
    /// <see cref="StorageException"/> (<see cref="StorageErrorKind.NotFound"/>) when the blob does not exist.
    /// </summary>
    public async Task<BlobDownloadStreamingResult> DownloadStreamingAsync(CancellationToken cancellationToken = default)
    {
        var message = channel.Create(RequestMethod.Get, path);
        message.BufferResponse = false;
        try
        {
            var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return new BlobDownloadStreamingResult(response.ContentStream ?? Stream.Null, BlobHeaders.Properties(response), message);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the whole blob into memory; for small blobs (claim-check payloads), use
    /// <see cref="DownloadStreamingAsync"/> for large ones. Throws <see cref="StorageException"/>
    /// (<see cref="StorageErrorKind.NotFound"/>) when the blob does not exist.
    /// </summary>
    public async Task<BinaryData> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Get, path);
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Content;
    }

    /// <summary>
    /// The blob's size, content type, ETag, last write and metadata. Throws <see cref="StorageException"/>
    /// (<see cref="StorageErrorKind.NotFound"/>) when the blob does not exist.
    /// </summary>
    public async Task<BlobProperties> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Head, path);
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return BlobHeaders.Properties(response);
    }

    /// <summary>True when the blob exists (in a container that exists).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Head, path);
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Deletes the blob with its snapshots; true when it existed.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, path);

        // Without it a blob that has snapshots cannot be deleted at all.
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; the bytes read.</summary>
    private static async Task<int> FillAsync(Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await content.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static void SetBlobHeaders(HttpMessage message, BlobUploadOptions options)
    {
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-content-type", options.ContentType);
        if (!options.Overwrite)
        {
            headers.SetValue("If-None-Match", "*");
        }

        BlobHeaders.SetMetadata(message.Request, options.Metadata);
    }

    private async Task<BlobContentInfo> PutBlobAsync(ReadOnlyMemory<byte> bytes, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = channel.Create(RequestMethod.Put, path);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        SetBlobHeaders(message, options);

        // Content over memory (not a stream) can be written again when the pipeline retries.
        message.Request.Content = RequestContent.Create(bytes);
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return BlobHeaders.ContentInfo(response);
    }

    private async Task PutBlockAsync(string blockId, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var message = channel.Create(RequestMethod.Put, $"{path}?comp=block&blockid={Uri.EscapeDataString(blockId)}");
        message.Request.Content = RequestContent.Create(bytes);
        await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BlobContentInfo> PutBlockListAsync(IReadOnlyList<string> blockIds, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var message = channel.Create(RequestMethod.Put, path + "?comp=blocklist");
        SetBlobHeaders(message, options);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(list.ToString(SaveOptions.DisableFormatting)));
        var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return BlobHeaders.ContentInfo(response);
    }

    /// <summary>
    /// Block ids of one upload: base64 of the upload's own random prefix and a zero-padded index, so all have
    /// the same length (the service requires it) and a concurrent upload to the same blob stages other ids.
    /// </summary>
    private sealed class BlockIds
    {
        private readonly string upload = Guid.NewGuid().ToString("N");
        private readonly List<string> ids = [];

        public IReadOnlyList<string> All => ids;

        public string Next()
        {
            if (ids.Count == MaxBlocks)
            {
                throw new InvalidOperationException(
                    $"The content needs more than {MaxBlocks} blocks; raise BlobUploadOptions.BlockSizeBytes.");
            }

            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(upload + ids.Count.ToString("D6", CultureInfo.InvariantCulture)));
            ids.Add(id);
            return id;
        }
    }
}
