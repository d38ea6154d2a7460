namespace Switchboard.Storage;

/// <summary>How <see cref="BlobClient.UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/> writes a blob.</summary>
public sealed record BlobUploadOptions
{
    /// <summary>The default single-upload threshold and block size: 4 MiB.</summary>
    public const int DefaultBufferBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The largest threshold or block size accepted: 256 MiB. The upload holds one buffer of the larger of
    /// the two, so this bounds its memory.
    /// </summary>
    public const int MaxBufferBytes = 256 * 1024 * 1024;

    /// <summary>The blob's content type; default <c>application/octet-stream</c>.</summary>
    public string ContentType
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            field = value;
        }
    } = "application/octet-stream";

    /// <summary>
    /// True (the default) to replace an existing blob; false to create only, failing with a
    /// <see cref="StorageException"/> of kind <see cref="StorageErrorKind.AlreadyExists"/> when the blob
    /// exists (sent as <c>If-None-Match: *</c>, so two racing creators cannot both succeed).
    /// </summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>Metadata to store with the blob: names are C# identifiers, values printable ASCII.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// A stream that ends within this many bytes is sent in one Put Blob request; a longer one in blocks.
    /// From 0 to <see cref="MaxBufferBytes"/>; default 4 MiB.
    /// </summary>
    public int SingleUploadThresholdBytes
    {
        get;
        init => field = InRange(value, 0, nameof(SingleUploadThresholdBytes));
    } = DefaultBufferBytes;

    /// <summary>The size of each Put Block request. From 1 to <see cref="MaxBufferBytes"/>; default 4 MiB.</summary>
    public int BlockSizeBytes
    {
        get;
        init => field = InRange(value, 1, nameof(BlockSizeBytes));
    } = DefaultBufferBytes;

    private static int InRange(int value, int minimum, string paramName) =>
        value >= minimum && value <= MaxBufferBytes
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be from {minimum} to {MaxBufferBytes} bytes.");
}
