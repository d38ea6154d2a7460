using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Switchboard.Delivery;

namespace Switchboard.Email;

/// <summary>
/// Hands a <see cref="SessionOutcomeEmail"/> to the SMTP server of <see cref="EmailOptions"/> with MailKit: one
/// connection per send, TLS when <see cref="EmailOptions.EnableSsl"/> (implicit TLS on port 465, STARTTLS — required,
/// never skipped — on any other), AUTH when a user name is set, and <see cref="EmailOptions.Timeout"/> for the whole
/// send. The body is UTF-8 quoted-printable text, the attachment UTF-8 text in base64. Every header — subject,
/// addresses and their display names, Message-ID, the attachment's name — passes through <see cref="WireText.Header"/>
/// before MimeKit encodes it, so text from events or settings cannot add a header or a recipient. Failures are the
/// outcome, never thrown.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time)
{
    /// <summary>The port of SMTP over implicit TLS (SMTPS); any other port upgrades with STARTTLS.</summary>
    public const int ImplicitTlsPort = 465;

    /// <summary>Sends <paramref name="email"/> once and says how it went; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<SmtpOutcome> SendAsync(SessionOutcomeEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var started = time.GetTimestamp();
        using var message = Compose(email, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            var security = !settings.EnableSsl ? SecureSocketOptions.None
                : settings.Port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host, settings.Port, security, timeout.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password, timeout.Token).ConfigureAwait(false);
            }

            await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
            return SmtpOutcome.Accepted(time.GetElapsedTime(started));
        }
        catch (Exception exception) when ((exception is OperationCanceledException || exception is TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            return SmtpOutcome.Failure(AttemptError.Timeout, $"No reply from {settings.Host}:{settings.Port} within {settings.Timeout.TotalSeconds:0.#} s.", time.GetElapsedTime(started));
        }
        catch (SmtpCommandException exception)
        {
            return SmtpOutcome.Refused((int)exception.StatusCode, $"SMTP {(int)exception.StatusCode}: {exception.Message}", time.GetElapsedTime(started));
        }
        catch (AuthenticationException exception)
        {
            // The server refused the credentials (535); MailKit reports it without the reply code.
            return SmtpOutcome.Refused(535, $"SMTP 535: {exception.Message}", time.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException
            or NotSupportedException or IOException or System.Net.Sockets.SocketException)
        {
            // No reply code: the server was unreachable, offered no STARTTLS, TLS failed or the connection dropped.
            return SmtpOutcome.Failure(AttemptError.Connection, exception.Message, time.GetElapsedTime(started));
        }
    }

    private static MimeMessage Compose(SessionOutcomeEmail email, EmailOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = WireText.Header(email.Subject),
            MessageId = WireText.Header(email.MessageId),
        };
        message.From.Add(MailboxAddress.Parse(WireText.Header(settings.From)));
        message.To.Add(MailboxAddress.Parse(WireText.Header(email.To)));

        // Text in mail breaks lines with CRLF; the archived JSON uses LF, which quoted-printable would spell =0A.
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(Encoding.UTF8, email.Body.ReplaceLineEndings("\r\n"));
        if (email.Attachment is not { } transcript)
        {
            message.Body = body;
            return message;
        }

        var attachment = new TextPart(TextFormat.Plain)
        {
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            FileName = WireText.Header(email.AttachmentName ?? "transcript.txt"),
        };
        attachment.SetText(Encoding.UTF8, transcript);
        message.Body = new Multipart("mixed") { body, attachment };
        return message;
    }
}
