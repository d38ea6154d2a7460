using System.Security.Cryptography;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;
using Xunit.Abstractions;

namespace Switchboard.Tests.Storage;

[Collection(BlobLargeUploadIsolation.Name)]
public sealed class BlobLargeUploadTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const long Size = 100L * 1024 * 1024;
    private const long AllocationBudget = 16L * 1024 * 1024;

    [Fact]
    public async Task A_100_MiB_stream_uploads_in_blocks_without_being_held_and_streams_back_intact()
    {
        var container = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        try
        {
            var blob = container.GetBlobClient("large/pattern.bin");

            var before = GC.GetTotalAllocatedBytes(precise: true);
            await blob.UploadAsync(new PatternStream(Size), StreamedBlobUpload.CreateOnly("application/octet-stream"));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            output.WriteLine($"Uploading {Size:N0} bytes allocated {allocated:N0} bytes ({allocated / 1024.0 / 1024.0:F2} MiB).");

            Assert.True(allocated < AllocationBudget, $"Uploading {Size:N0} bytes allocated {allocated:N0} bytes.");

            using var download = (await blob.DownloadStreamingAsync()).Value;
            Assert.Equal(Size, download.Details.ContentLength);
            var (length, hash) = await HashAsync(download.Content);
            var (expectedLength, expectedHash) = await HashAsync(new PatternStream(Size));
            Assert.Equal(Size, expectedLength);
            Assert.Equal(Size, length);
            Assert.Equal(Convert.ToHexString(expectedHash), Convert.ToHexString(hash));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    private static async Task<(long Length, byte[] Hash)> HashAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return (length, hash.GetHashAndReset());
    }
}
