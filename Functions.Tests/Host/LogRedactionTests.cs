using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Logging;
using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.Host;

/// <summary>Ingest keys travel in <c>?code=</c>; no log the host writes, at any level, may hold one.</summary>
public sealed class LogRedactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "ingest-key-that-must-not-be-logged";

    [Theory]
    [InlineData("POST http://h/api/events/ucontact?code=abc - 202", "POST http://h/api/events/ucontact?code=*** - 202")]
    [InlineData("?tenant=a&CODE=abc&type=x", "?tenant=a&CODE=***&type=x")]
    [InlineData("'/api/events/x%3Fcode=abc'", "'/api/events/x%3Fcode=***'")]
    [InlineData("barcode=1 and ?zipcode=2", "barcode=1 and ?zipcode=2")]
    public void A_code_query_value_is_masked_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, SecretRedaction.Redact(text));

    [Fact]
    public async Task Request_logs_of_the_host_and_kestrel_at_trace_level_never_hold_the_ingest_key()
    {
        var logs = new CapturedLogs();
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Ingest:Keys:0"] = Key,
            ["Queues:RunWorkers"] = "false",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }).WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var http = new HttpClient { BaseAddress = address };

        using var accepted = await http.PostAsync(
            new Uri($"api/events/ucontact?code={Key}&tenant={AzuriteFixture.UniqueName("t")}", UriKind.Relative),
            new StringContent("""{"event":"AgentLog","agent":"a"}""", Encoding.UTF8, "application/json"));
        await SendBadRequestLineAsync(address, $"GET /api/events/ucontact?code={Key} HTTP/9.9 extra");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Contains(logs.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Text.Contains($"code={SecretRedaction.Mask}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(Key, StringComparison.Ordinal));
    }

    private static async Task SendBadRequestLineAsync(Uri server, string requestLine)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"));
        using var response = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException)
        {
            // Kestrel may reset the connection after refusing the request line; the log is what matters.
        }
    }
}
