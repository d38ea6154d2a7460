using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Switchboard.Storage;

namespace Switchboard.Tests.Azurite;

/// <summary>Requests signed by our policies are accepted by Azurite and read back intact.</summary>
public sealed class SharedKeyRoundTripTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_blob_written_with_shared_key_reads_back()
    {
        var account = azurite.Account;
        var pipeline = account.CreatePipeline(StorageService.Blob);
        var container = AzuriteFixture.UniqueName("c");

        using var create = Message(pipeline, StorageService.Blob, RequestMethod.Put, new Uri(account.BlobEndpoint, container + "?restype=container"));
        Assert.Equal(201, await SendAsync(pipeline, create));
        using var put = Message(pipeline, StorageService.Blob, RequestMethod.Put, new Uri(account.BlobEndpoint, $"{container}/a%20b.txt"), "hello, azurite");
        put.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        Assert.Equal(201, await SendAsync(pipeline, put));

        using var get = Message(pipeline, StorageService.Blob, RequestMethod.Get, new Uri(account.BlobEndpoint, $"{container}/a%20b.txt"));
        Assert.Equal(200, await SendAsync(pipeline, get));
        Assert.Equal("hello, azurite", get.Response.Content.ToString());
    }

    [Fact]
    public async Task A_table_entity_written_with_shared_key_lite_reads_back()
    {
        var account = azurite.Account;
        var pipeline = account.CreatePipeline(StorageService.Table);
        var table = AzuriteFixture.UniqueName("t");

        using var create = Message(pipeline, StorageService.Table, RequestMethod.Post, new Uri(account.TableEndpoint, "Tables"), $$"""{"TableName":"{{table}}"}""");
        Assert.Equal(201, await SendAsync(pipeline, create));
        using var insert = Message(pipeline, StorageService.Table, RequestMethod.Post, new Uri(account.TableEndpoint, table), """{"PartitionKey":"p","RowKey":"r'1","Text":"hi"}""");
        Assert.Equal(201, await SendAsync(pipeline, insert));

        using var get = Message(pipeline, StorageService.Table, RequestMethod.Get, new Uri(account.TableEndpoint, $"{table}(PartitionKey='p',RowKey='r''1')"));
        Assert.Equal(200, await SendAsync(pipeline, get));
        Assert.Contains("\"Text\":\"hi\"", get.Response.Content.ToString(), StringComparison.Ordinal);
    }

    private static HttpMessage Message(HttpPipeline pipeline, StorageService service, RequestMethod method, Uri uri, string? body = null)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", service == StorageService.Table ? StorageVersions.Table : StorageVersions.BlobAndQueue);
        if (service == StorageService.Table)
        {
            message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
            message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        }

        if (body is not null)
        {
            message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
            message.Request.Headers.SetValue("Content-Type", service == StorageService.Table ? "application/json" : "text/plain");
        }

        return message;
    }

    private static async Task<int> SendAsync(HttpPipeline pipeline, HttpMessage message)
    {
        await pipeline.SendAsync(message, CancellationToken.None);
        return message.Response.Status;
    }
}
