using Microsoft.Extensions.Options;
using Switchboard.Delivery;
using Switchboard.Email;

namespace Switchboard.Tests.Email;

/// <summary>With TLS on, a server that cannot give it never gets the email in clear text.</summary>
public sealed class SmtpSecurityTests
{
    private static readonly SessionOutcomeEmail Email = new()
    {
        To = "crm@example.com",
        Subject = "Session outcome: call 1",
        Body = "{}",
        MessageId = "eml_1@switchboard",
    };

    [Fact]
    public async Task Starttls_is_required_when_tls_is_on_and_a_server_without_it_gets_nothing()
    {
        await using var sink = SmtpSink.Start();

        var outcome = await Sender(sink.Port, enableSsl: true, user: "crm").SendAsync(Email);

        Assert.False(outcome.Succeeded);
        Assert.Equal(AttemptError.Connection, outcome.Error);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Implicit_tls_on_port_465_fails_cleanly_against_a_plain_text_server()
    {
        // Nothing listens on 465 here; what matters is a clear connection failure, not an exception.
        var outcome = await Sender(SmtpEmailSender.ImplicitTlsPort, enableSsl: true, user: null).SendAsync(Email);

        Assert.False(outcome.Succeeded);
        Assert.Equal(AttemptError.Connection, outcome.Error);
    }

    private static SmtpEmailSender Sender(int port, bool enableSsl, string? user) => new(
        Options.Create(new EmailOptions
        {
            Host = "127.0.0.1",
            Port = port,
            EnableSsl = enableSsl,
            UserName = user ?? string.Empty,
            Password = user is null ? string.Empty : "secret",
            From = "no-reply@switchboard.test",
            Timeout = TimeSpan.FromSeconds(10),
        }),
        TimeProvider.System);
}
