using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Switchboard.Storage;

/// <summary>
/// One blob container: create, delete, list by prefix and a client per blob. Method names follow
/// Azure.Storage.Blobs.
/// </summary>
public sealed class BlobContainerClient
{
    /// <summary>The most blobs one listing page returns.</summary>
    public const int MaxPageSize = 5000;

    private readonly StorageChannel channel;
    private readonly string path;

    internal BlobContainerClient(StorageChannel channel, string containerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        this.channel = channel;
        Name = containerName;
        path = Uri.EscapeDataString(containerName);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container's address.</summary>
    public Uri Uri => new(channel.Endpoint, path);

    /// <summary>Creates the container (private, no public access) unless it exists; true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Put, path + "?restype=container");
        var response = await channel.SendAsync(message, cancellationToken, 409).ConfigureAwait(false);

        // Only "already exists" is fine; a container still being deleted is a failure the caller must see.
        if (response.Status == 409 && !(response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "ContainerAlreadyExists"))
        {
            throw StorageChannel.Failure(response);
        }

        return response.Status == 201;
    }

    /// <summary>
    /// Deletes the container and its blobs; true when it existed. The service removes it in the background,
    /// and creating a container of the same name fails (409 ContainerBeingDeleted) for a while.
    /// </summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = channel.Create(RequestMethod.Delete, path + "?restype=container");
        var response = await channel.SendAsync(message, cancellationToken, 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>
    /// A client for the blob <paramref name="blobName"/>; '/' in the name makes virtual folders. Throws
    /// <see cref="ArgumentException"/> for an empty name, one over 1,024 characters, or one with a "." or ".."
    /// segment (an address would resolve those to another blob).
    /// </summary>
    public BlobClient GetBlobClient(string blobName) => new(channel, this, blobName);

    /// <summary>
    /// The container's blobs in name order, optionally only those whose names start with
    /// <paramref name="prefix"/>, fetched <paramref name="pageSize"/> (1 to 5,000; default the service's
    /// 5,000) at a time as the enumeration advances.
    /// </summary>
    public IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A listing page holds from 1 to {MaxPageSize} blobs.");
        }

        return ListAsync(prefix, pageSize, cancellationToken);
    }

    internal string PathOf(string escapedBlobName) => $"{path}/{escapedBlobName}";

    private static BlobItem Item(XElement blob)
    {
        var name = blob.Element("Name") ?? throw BlobHeaders.Malformed("Name");

        // Names holding characters XML cannot carry come percent-encoded and flagged.
        var text = (string?)name.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(name.Value) : name.Value;
        var properties = blob.Element("Properties") ?? throw BlobHeaders.Malformed("Properties");
        var length = (string?)properties.Element("Content-Length");
        var contentType = (string?)properties.Element("Content-Type");
        return new BlobItem(
            text,
            long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : throw BlobHeaders.Malformed("Content-Length"),
            string.IsNullOrEmpty(contentType) ? null : contentType,
            new ETag((string?)properties.Element("Etag") ?? throw BlobHeaders.Malformed("Etag")),
            BlobHeaders.Date((string?)properties.Element("Last-Modified"), "Last-Modified"));
    }

    private async IAsyncEnumerable<BlobItem> ListAsync(string? prefix, int? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var query = new StringBuilder(path).Append("?restype=container&comp=list");
            if (!string.IsNullOrEmpty(prefix))
            {
                query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
            }

            if (marker is not null)
            {
                query.Append("&marker=").Append(Uri.EscapeDataString(marker));
            }

            if (pageSize is { } size)
            {
                query.Append("&maxresults=").Append(size.ToString(CultureInfo.InvariantCulture));
            }

            List<BlobItem> page;
            using (var message = channel.Create(RequestMethod.Get, query.ToString()))
            {
                var response = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
                using var stream = response.Content.ToStream();
                var root = XDocument.Load(stream).Root ?? throw BlobHeaders.Malformed("EnumerationResults");
                page = [.. (root.Element("Blobs")?.Elements("Blob") ?? []).Select(Item)];
                marker = (string?)root.Element("NextMarker");
            }

            foreach (var item in page)
            {
                yield return item;
            }
        }
        while (!string.IsNullOrEmpty(marker));
    }
}
