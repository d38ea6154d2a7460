using Microsoft.Extensions.Options;
using Switchboard.Email;

namespace Switchboard.Tests.Email;

/// <summary>Line breaks in what an outcome email's headers are made of, sent to a real SMTP listener on loopback.</summary>
public sealed class MailHeaderInjectionTests
{
    private const string Injection = "\r\nBcc: evil@example.com\r\nX-Evil: 1\r\n\r\nforged body";

    private static SmtpEmailSender Sender(SmtpSink sink, string from) => new(
        Options.Create(new EmailOptions { Host = "127.0.0.1", Port = sink.Port, EnableSsl = false, From = from, Timeout = TimeSpan.FromSeconds(10) }),
        TimeProvider.System);

    [Fact]
    public async Task A_session_id_with_line_breaks_stays_inside_the_subject_and_adds_no_recipient()
    {
        await using var sink = SmtpSink.Start();
        var email = new SessionOutcomeEmail
        {
            To = "crm@example.com",
            Subject = SessionOutcomeEmail.SubjectFor("chat", "73522" + Injection),
            Body = "{}",
            AttachmentName = "chat-73522" + Injection + ".txt",
            Attachment = "transcript",
            MessageId = "eml_1" + Injection + "@switchboard",
        };

        var outcome = await Sender(sink, "\"Switchboard" + Injection + "\" <no-reply@switchboard.test>").SendAsync(email);

        Assert.True(outcome.Succeeded, outcome.Message);
        var mail = Assert.Single(sink.Messages);
        Assert.Equal(["crm@example.com"], mail.Recipients);
        Assert.Equal("Session outcome: chat 73522 Bcc: evil@example.com X-Evil: 1 forged body", mail.Subject);
        Assert.Null(mail.Header("Bcc"));
        Assert.Null(mail.Header("X-Evil"));
        // MimeKit writes a Message-ID as one addr-spec, so the spaces go too; what matters is that it stays one header.
        Assert.StartsWith("<eml_1", mail.Header("Message-ID"), StringComparison.Ordinal);
        Assert.DoesNotContain(" ", mail.Header("Message-ID"), StringComparison.Ordinal);
        Assert.Contains("Switchboard Bcc: evil@example.com X-Evil: 1 forged body", mail.Header("From"), StringComparison.Ordinal);
        Assert.Equal("{}", mail.Body);
        Assert.Equal("transcript", Assert.Single(mail.Attachments).Text);
    }
}
