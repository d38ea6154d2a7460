using Microsoft.Extensions.Configuration;
using Switchboard.Storage;

namespace Switchboard.Tests.Storage;

public sealed class StorageAccountTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", "devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1/")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn", "acct", "https://acct.table.core.chinacloudapi.cn/")]
    [InlineData("AccountName=acct;AccountKey=a2V5;TableEndpoint=http://localhost:9/acct;BlobEndpoint=http://localhost:8/acct;QueueEndpoint=http://localhost:7/acct", "acct", "http://localhost:9/acct/")]
    public void Connection_strings_give_the_account_and_its_endpoints(string connectionString, string name, string table)
    {
        var account = StorageAccount.Parse(connectionString);

        Assert.Equal(name, account.Name);
        Assert.Equal(new Uri(table), account.TableEndpoint);
        Assert.NotNull(account.SharedKey);
    }

    [Theory]
    [InlineData("AccountName=acct", "AccountKey")]
    [InlineData("AccountName=acct;AccountKey=not base64!", "base64")]
    [InlineData("AccountName=acct;AccountKey=a2V5;BlobEndpoint=nope", "BlobEndpoint")]
    [InlineData("garbage", "name=value")]
    public void Broken_connection_strings_name_what_is_wrong_without_echoing_the_key(string connectionString, string named)
    {
        var error = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a2V5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_based_settings_give_public_endpoints_and_a_token_credential()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "prodacct",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        var account = StorageAccount.FromConfiguration(configuration);

        Assert.Equal("prodacct", account.Name);
        Assert.Equal(new Uri("https://prodacct.blob.core.windows.net/"), account.BlobEndpoint);
        Assert.Equal(new Uri("https://prodacct.queue.core.windows.net/"), account.QueueEndpoint);
        Assert.Null(account.SharedKey);
        Assert.NotNull(account.Token);
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://b.example.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://q.example.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://t.example.net",
        }).Build();

        var account = StorageAccount.FromConfiguration(configuration);

        Assert.Equal(new Uri("https://t.example.net/"), account.TableEndpoint);
        Assert.NotNull(account.Token);
    }

    [Fact]
    public void Missing_storage_settings_say_which_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(new ConfigurationBuilder().Build()));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }
}
