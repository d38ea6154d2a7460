using System.Text;
using System.Xml.Linq;
using Azure.Core;
using Switchboard.Storage;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Storage;

public sealed class BlobClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly BlobUploadOptions SmallBlocks = new() { SingleUploadThresholdBytes = 1000, BlockSizeBytes = 300 };

    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.Account.GetBlobContainerClient(AzuriteFixture.UniqueName("c"));
        Assert.True(await container.CreateIfNotExistsAsync());
        return container;
    }

    [Fact]
    public async Task Container_create_and_delete_if_exists_report_what_they_did()
    {
        var container = await NewContainerAsync();

        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task A_small_upload_is_one_put_and_downloads_with_its_properties()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("claims/2024/05/event 1 ü.json");
        var options = new BlobUploadOptions
        {
            ContentType = "application/json",
            Metadata = new Dictionary<string, string> { ["tenant"] = "acme", ["Attempt_2"] = "yes" },
        };

        var info = await blob.UploadAsync(BinaryData.FromString("{\"call\":42}"), options);
        var content = await blob.DownloadContentAsync();
        await using var streamed = await blob.DownloadStreamingAsync();
        using var reader = new StreamReader(streamed.Content);
        var properties = await blob.GetPropertiesAsync();

        Assert.Equal("{\"call\":42}", content.ToString());
        Assert.Equal("{\"call\":42}", await reader.ReadToEndAsync());
        Assert.Equal("application/json", streamed.ContentType);
        Assert.Equal(11, streamed.ContentLength);
        Assert.Equal(info.ETag, streamed.ETag);
        Assert.Equal("acme", streamed.Metadata["tenant"]);
        Assert.Equal(11, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(info.ETag, properties.ETag);
        Assert.Equal(info.LastModified, properties.LastModified);
        Assert.Equal("acme", properties.Metadata["tenant"]);
        Assert.Equal("yes", properties.Metadata["attempt_2"]);
        Assert.Equal(0, await CommittedBlockCountAsync(blob));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(999, 0)]
    [InlineData(1000, 0)]
    [InlineData(1001, 4)]
    [InlineData(2500, 9)]
    public async Task A_stream_past_the_threshold_goes_in_blocks_and_reads_back_in_order(int length, int blocks)
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("pattern.bin");

        // The threshold (1000) is over three blocks (300): buffered bytes span several blocks.
        await blob.UploadAsync(new PatternStream(length), SmallBlocks);
        var content = (await blob.DownloadContentAsync()).ToArray();

        Assert.Equal(Pattern(length), content);
        Assert.Equal(blocks, await CommittedBlockCountAsync(blob));
        Assert.Equal("application/octet-stream", (await blob.GetPropertiesAsync()).ContentType);
    }

    [Fact]
    public async Task Blocks_larger_than_the_threshold_and_in_memory_uploads_read_back_in_order()
    {
        var container = await NewContainerAsync();
        var fromStream = container.GetBlobClient("stream.bin");
        var fromMemory = container.GetBlobClient("memory.bin");

        await fromStream.UploadAsync(new PatternStream(2000), new BlobUploadOptions { SingleUploadThresholdBytes = 100, BlockSizeBytes = 700 });
        await fromMemory.UploadAsync(new BinaryData(Pattern(2500)), SmallBlocks);

        Assert.Equal(Pattern(2000), (await fromStream.DownloadContentAsync()).ToArray());
        Assert.Equal(3, await CommittedBlockCountAsync(fromStream));
        Assert.Equal(Pattern(2500), (await fromMemory.DownloadContentAsync()).ToArray());
        Assert.Equal(9, await CommittedBlockCountAsync(fromMemory));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(2500)]
    public async Task Creating_without_overwrite_twice_fails_with_already_exists_and_keeps_the_first(int length)
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("once.bin");
        var createOnly = SmallBlocks with { Overwrite = false };

        await blob.UploadAsync(new PatternStream(length), createOnly);
        var second = await Assert.ThrowsAsync<StorageException>(() => blob.UploadAsync(BinaryData.FromString("second"), createOnly));
        var third = await Assert.ThrowsAsync<StorageException>(() => blob.UploadAsync(new MemoryStream(new byte[3000]), createOnly));

        Assert.Equal(StorageErrorKind.AlreadyExists, second.Kind);
        Assert.Equal(409, second.Status);
        Assert.Equal("BlobAlreadyExists", second.ErrorCode);
        Assert.Equal(StorageErrorKind.AlreadyExists, third.Kind);
        Assert.Equal(Pattern(length), (await blob.DownloadContentAsync()).ToArray());

        await blob.UploadAsync(BinaryData.FromString("replaced"));
        Assert.Equal("replaced", (await blob.DownloadContentAsync()).ToString());
    }

    [Fact]
    public async Task Listing_by_prefix_follows_markers_across_pages()
    {
        var container = await NewContainerAsync();
        string[] wanted = ["a/1.json", "a/2.json", "a/3 ü.json", "a/4.json", "a/sub/5.json"];
        foreach (var name in wanted.Concat(["b/1.json", "ab.json"]))
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), new BlobUploadOptions { ContentType = "application/json" });
        }

        var listed = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(prefix: "a/", pageSize: 2))
        {
            listed.Add(item);
        }

        Assert.Equal(wanted, listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.Equal(Encoding.UTF8.GetByteCount(b.Name), b.ContentLength));
        Assert.All(listed, b => Assert.Equal("application/json", b.ContentType));
        var properties = await container.GetBlobClient("a/1.json").GetPropertiesAsync();
        Assert.Equal(properties.ETag, listed[0].ETag);
        Assert.Equal(properties.LastModified, listed[0].LastModified);
        Assert.Equal(7, await CountAsync(container.GetBlobsAsync()));
        Assert.Equal(0, await CountAsync(container.GetBlobsAsync("zzz")));
    }

    [Fact]
    public async Task A_deleted_blob_no_longer_exists_and_reading_it_is_not_found()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("gone.txt");
        await blob.UploadAsync(BinaryData.FromString("bye"));

        Assert.True(await blob.ExistsAsync());
        Assert.True(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.DeleteIfExistsAsync());
        Assert.False(await blob.ExistsAsync());

        Assert.Equal(StorageErrorKind.NotFound, (await Assert.ThrowsAsync<StorageException>(() => blob.GetPropertiesAsync())).Kind);
        Assert.Equal(StorageErrorKind.NotFound, (await Assert.ThrowsAsync<StorageException>(() => blob.DownloadContentAsync())).Kind);
        var streamed = await Assert.ThrowsAsync<StorageException>(() => blob.DownloadStreamingAsync());
        Assert.Equal(StorageErrorKind.NotFound, streamed.Kind);
        Assert.Equal("BlobNotFound", streamed.ErrorCode);
    }

    [Fact]
    public void Bad_names_and_options_are_refused_before_any_request()
    {
        var container = azurite.Account.GetBlobContainerClient("unused");

        Assert.Throws<ArgumentException>(() => container.GetBlobClient(""));
        Assert.Throws<ArgumentException>(() => container.GetBlobClient("a/../b"));
        Assert.Throws<ArgumentException>(() => container.GetBlobClient(new string('x', 1025)));
        Assert.Equal("BlockSizeBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new BlobUploadOptions { BlockSizeBytes = 0 }).ParamName);
        Assert.Equal("SingleUploadThresholdBytes", Assert.Throws<ArgumentOutOfRangeException>(() => new BlobUploadOptions { SingleUploadThresholdBytes = -1 }).ParamName);
        Assert.Equal("pageSize", Assert.Throws<ArgumentOutOfRangeException>(() => container.GetBlobsAsync(pageSize: 5001)).ParamName);
    }

    [Fact]
    public async Task Bad_metadata_is_refused_before_any_byte_is_sent()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("meta.bin");

        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(
            new PatternStream(5000),
            SmallBlocks with { Metadata = new Dictionary<string, string> { ["not-an-identifier"] = "x" } }));
        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(
            BinaryData.FromString("x"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["name"] = "ü" } }));

        Assert.False(await blob.ExistsAsync());
    }

    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => PatternStream.At(i))];

    private static async Task<int> CountAsync(IAsyncEnumerable<BlobItem> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }

    /// <summary>How many committed blocks the blob has, asked with a bare request: none after a single Put Blob.</summary>
    private async Task<int> CommittedBlockCountAsync(BlobClient blob)
    {
        var account = azurite.Account;
        var pipeline = account.CreatePipeline(StorageService.Blob);
        using var get = pipeline.CreateMessage();
        get.Request.Method = RequestMethod.Get;
        get.Request.Uri.Reset(new Uri(blob.Uri.AbsoluteUri + "?comp=blocklist&blocklisttype=committed"));
        get.Request.Headers.SetValue("x-ms-version", StorageVersions.BlobAndQueue);
        await pipeline.SendAsync(get, CancellationToken.None);
        Assert.Equal(200, get.Response.Status);
        return XDocument.Parse(get.Response.Content.ToString()).Root?.Element("CommittedBlocks")?.Elements("Block").Count() ?? 0;
    }
}
