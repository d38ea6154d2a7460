using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Switchboard.Storage;

namespace Switchboard.Tests.Storage;

/// <summary>The forms of <c>AzureWebJobsStorage</c> the Functions host reads give the endpoints and credentials they should.</summary>
public sealed class StorageConnectionTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", "http://127.0.0.1:10000/devstoreaccount1", "http://127.0.0.1:10001/devstoreaccount1", "http://127.0.0.1:10002/devstoreaccount1")]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn",
        "https://acct.blob.core.chinacloudapi.cn/",
        "https://acct.queue.core.chinacloudapi.cn/",
        "https://acct.table.core.chinacloudapi.cn/")]
    [InlineData(
        "AccountName=acct;AccountKey=a2V5;BlobEndpoint=http://localhost:8/acct;QueueEndpoint=http://localhost:7/acct;TableEndpoint=http://localhost:9/acct",
        "http://localhost:8/acct",
        "http://localhost:7/acct",
        "http://localhost:9/acct")]
    public void A_connection_string_gives_each_service_its_endpoint(string connectionString, string blob, string queue, string table)
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage"] = connectionString });

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.Null(connection.Credential);
        Assert.Equal(new Uri(blob), connection.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri(queue), connection.CreateQueueServiceClient().Uri);
        Assert.Equal(new Uri(table), connection.CreateTableServiceClient().Uri);
    }

    [Fact]
    public void A_connection_string_under_ConnectionStrings_is_read_too()
    {
        var configuration = Configuration(new() { ["ConnectionStrings:AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", StorageConnection.FromConfiguration(configuration).CreateBlobServiceClient().AccountName);
    }

    [Fact]
    public void An_account_name_with_a_user_assigned_managed_identity_gives_public_endpoints_and_that_identity()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "prodacct",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(new Uri("https://prodacct.blob.core.windows.net/"), connection.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://prodacct.queue.core.windows.net/"), connection.CreateQueueServiceClient().Uri);
        Assert.Equal(new Uri("https://prodacct.table.core.windows.net/"), connection.CreateTableServiceClient().Uri);
        Assert.Equal("prodacct", connection.CreateTableServiceClient().AccountName);
    }

    [Fact]
    public void An_account_name_alone_is_reached_with_the_default_credential_chain()
    {
        var connection = StorageConnection.FromConfiguration(Configuration(new() { ["AzureWebJobsStorage:accountName"] = "prodacct" }));

        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "ignored",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://b.example.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://q.example.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://t.example.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
        });

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(new Uri("https://b.example.net"), connection.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://q.example.net"), connection.CreateQueueServiceClient().Uri);
        Assert.Equal(new Uri("https://t.example.net"), connection.CreateTableServiceClient().Uri);
    }

    [Fact]
    public void Missing_storage_settings_say_which_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration([])));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_uri_that_is_not_absolute_is_named()
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage:accountName"] = "a", ["AzureWebJobsStorage:queueServiceUri"] = "queue" });

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(configuration));

        Assert.Contains("queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("usedevelopmentstorage = true;", true)]
    [InlineData("UseDevelopmentStorage=false", false)]
    [InlineData("AccountName=a;AccountKey=a2V5", false)]
    [InlineData(null, false)]
    public void Development_storage_is_recognised_as_the_host_recognises_it(string? connectionString, bool development)
    {
        Assert.Equal(development, StorageConnection.IsDevelopmentStorage(connectionString));
    }

    [Fact]
    public void Clients_fail_fast_and_queues_speak_base64()
    {
        var queue = StorageConnection.QueueOptions();
        var table = StorageConnection.TableOptions();
        var blob = StorageConnection.BlobOptions();

        Assert.Equal(QueueMessageEncoding.Base64, queue.MessageEncoding);
        Assert.All(new[] { queue.Retry, table.Retry, blob.Retry }, retry =>
        {
            // At most about a second of back-off in all, where the SDK's defaults wait over five.
            Assert.InRange(retry.MaxRetries, 1, 2);
            Assert.True(retry.Delay * ((1 << retry.MaxRetries) - 1) <= TimeSpan.FromSeconds(1), $"{retry.Delay} × {retry.MaxRetries}");
            Assert.True(retry.NetworkTimeout <= TimeSpan.FromSeconds(30), $"{retry.NetworkTimeout}");
        });
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
