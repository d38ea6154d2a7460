using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;

namespace Switchboard.Storage;

/// <summary>
/// How a blob of any size is written from a stream that may not be seekable (a recording read from its URL): in blocks
/// of <see cref="BlockBytes"/>, so memory holds a block per concurrent request however large the file.
/// </summary>
public static class StreamedBlobUpload
{
    /// <summary>The size of each block, and the largest stream sent in one request: 4 MiB.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    /// <summary>How many blocks are sent at once; each holds a buffer of <see cref="BlockBytes"/> while in flight.</summary>
    public const int Concurrency = 2;

    /// <summary>
    /// Options that create the blob with <paramref name="contentType"/> and fail with 409 <c>BlobAlreadyExists</c> when it
    /// exists (<c>If-None-Match: *</c>, checked when the blocks are committed), so two racing writers cannot both win.
    /// </summary>
    public static BlobUploadOptions CreateOnly(string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },

            // Without an initial size the SDK buffers up to 256 MiB of a stream of unknown length before it decides
            // between one request and blocks.
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = BlockBytes,
                MaximumTransferSize = BlockBytes,
                MaximumConcurrency = Concurrency,
            },
        };
    }
}
