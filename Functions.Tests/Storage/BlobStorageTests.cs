using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Storage;

/// <summary>What the archive and the claim-check rely on from blob storage, through the SDK client as the hosts configure it.</summary>
public sealed class BlobStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(StreamedBlobUpload.BlockBytes * 2 + 10)]
    public async Task Creating_a_blob_that_exists_is_a_conflict_and_keeps_the_first(int length)
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("ujet-voice-recordings/call 1 ü.wav");

        await blob.UploadAsync(new PatternStream(length), StreamedBlobUpload.CreateOnly("audio/wav"));
        var second = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new PatternStream(length + 1), StreamedBlobUpload.CreateOnly("audio/wav")));
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.True(second.IsAlreadyExists());
        Assert.Equal(length, properties.ContentLength);
        Assert.Equal("audio/wav", properties.ContentType);
        Assert.Equal(Pattern(length), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Metadata_and_content_type_written_with_a_blob_read_back()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("ujet-metadata/call-1.json");

        var written = await blob.UploadAsync(BinaryData.FromString("{\"call\":1}"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["switchboardcontenthash"] = "abc" },
        });
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(written.Value.ETag, properties.ETag);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("abc", properties.Metadata["switchboardcontenthash"]);
    }

    [Fact]
    public async Task Listing_by_prefix_returns_only_that_folder_in_name_order()
    {
        var container = await NewContainerAsync();
        string[] wanted = ["a/1.json", "a/2 ü.json", "a/sub/3.json"];
        foreach (var name in wanted.Concat(["b/1.json", "ab.json"]))
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name));
        }

        var listed = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "a/" }))
        {
            listed.Add(item);
        }

        Assert.Equal(wanted, listed.Select(b => b.Name));
        Assert.Equal(8, listed[0].Properties.ContentLength);
    }

    [Fact]
    public async Task Reading_a_missing_blob_is_not_found_and_a_missing_container_is_made_again_when_used()
    {
        var container = await NewContainerAsync();
        var missing = azurite.Blobs.GetBlobContainerClient(AzuriteFixture.UniqueName("none"));

        Assert.True((await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("gone").DownloadContentAsync())).IsNotFound());
        Assert.True((await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("gone").GetPropertiesAsync())).IsNotFound());
        Assert.False((await container.GetBlobClient("gone").ExistsAsync()).Value);
        Assert.False((await missing.ExistsAsync()).Value);

        var listed = new List<string>();
        await foreach (var item in missing.GetBlobsAsync(new GetBlobsOptions()))
        {
            listed.Add(item.Name);
        }

        Assert.Empty(listed);
        Assert.True((await missing.ExistsAsync()).Value);
        await missing.DeleteAsync();
    }

    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => PatternStream.At(i))];
}
