using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Switchboard.Storage;

/// <summary>JSON kept in a blob because it is too large for a queue message or a table property.</summary>
internal static class JsonBlobs
{
    /// <summary>Writes <paramref name="json"/> to blob <paramref name="name"/> as <c>application/json</c>, replacing what the blob held.</summary>
    public static async Task UploadJsonAsync(this BlobContainerClient container, string name, string json, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString(json), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken).ConfigureAwait(false);
    }
}
