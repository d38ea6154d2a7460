using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Switchboard.Tests.Delivery;

/// <summary>
/// Deliveries as a receiver checks them with the official Standard Webhooks library (the <c>standardwebhooks</c> npm
/// package, pinned in package.json), which shares nothing with Switchboard: every format's signature verifies, and a
/// tampered body or a wrong secret is rejected.
/// </summary>
public sealed class StandardWebhooksInteropTests
{
    // Reads {secret, headers, body} on stdin and verifies with the library, as a Node.js receiver would. verify() parses
    // the body as JSON once the signature matched, so for the form, XML and text formats a SyntaxError means verified.
    private const string Verify = """
        const { Webhook, WebhookVerificationError } = require('standardwebhooks');
        const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        try {
          new Webhook(input.secret).verify(Buffer.from(input.body, 'base64').toString('utf8'), input.headers);
          console.log('verified');
        } catch (error) {
          console.log(error instanceof WebhookVerificationError ? 'rejected: ' + error.message
            : error instanceof SyntaxError ? 'verified' : 'failed: ' + error);
        }
        """;

    [Theory]
    [InlineData("json")]
    [InlineData("form")]
    [InlineData("xml")]
    [InlineData("text")]
    public async Task The_library_verifies_what_Switchboard_signs(string format)
    {
        var received = await DeliverAsync(format);

        Assert.Equal("verified", await VerifyAsync(DeliveryHarness.Secret, received, received.Body));
    }

    [Fact]
    public async Task The_library_rejects_a_tampered_body_and_a_wrong_secret()
    {
        var received = await DeliverAsync("json");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(received.Body).Replace("Kim", "Kit", StringComparison.Ordinal));

        Assert.StartsWith("rejected", await VerifyAsync(DeliveryHarness.Secret, received, tampered), StringComparison.Ordinal);
        Assert.StartsWith("rejected", await VerifyAsync(Switchboard.Triggers.TriggerSecrets.Generate(), received, received.Body), StringComparison.Ordinal);
    }

    private static async Task<ReceivedRequest> DeliverAsync(string format)
    {
        await using var receiver = await Receiver.StartAsync();
        await using var services = DeliveryHarness.Services();
        var trigger = DeliveryHarness.Trigger(receiver.Url("hook"), format: format, body: format == "text" ? "id={{id}};name={{data.name}}" : null);
        var request = DeliveryHarness.Builder().Build(trigger, DeliveryHarness.Event(), "dlv_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        await DeliveryHarness.Sender(services).SendAsync(request, TimeSpan.FromSeconds(10));
        return Assert.Single(receiver.Requests);
    }

    private static async Task<string> VerifyAsync(string secret, ReceivedRequest received, byte[] body)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = typeof(StandardWebhooksInteropTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Verify);
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new
        {
            secret,
            body = Convert.ToBase64String(body),
            headers = new Dictionary<string, string?>
            {
                ["webhook-id"] = received.Header("webhook-id"),
                ["webhook-timestamp"] = received.Header("webhook-timestamp"),
                ["webhook-signature"] = received.Header("webhook-signature"),
            },
        }));
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        return output.Trim();
    }
}
