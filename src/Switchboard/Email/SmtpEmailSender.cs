using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Delivery;

namespace Switchboard.Email;

/// <summary>
/// Hands a <see cref="SessionOutcomeEmail"/> to the SMTP server of <see cref="EmailOptions"/> with
/// <see cref="SmtpClient"/>: one connection per send (STARTTLS when <see cref="EmailOptions.EnableSsl"/>), the body as
/// UTF-8 quoted-printable text, the attachment as UTF-8 text in base64. Every header — subject, addresses and their
/// display names, Message-ID, the attachment's name — passes through <see cref="WireText.Header"/>, so text from
/// events or settings cannot add a header or a recipient. Failures are the outcome, never thrown.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time)
{
    /// <summary>Sends <paramref name="email"/> once and says how it went; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<SmtpOutcome> SendAsync(SessionOutcomeEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var started = time.GetTimestamp();
        using var message = Compose(email, settings);
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
            Credentials = string.IsNullOrEmpty(settings.UserName) ? null : new NetworkCredential(settings.UserName, settings.Password),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token).ConfigureAwait(false);
            return SmtpOutcome.Accepted(time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SmtpOutcome.Failure(AttemptError.Timeout, $"No reply from {settings.Host}:{settings.Port} within {settings.Timeout.TotalSeconds:0.#} s.", time.GetElapsedTime(started));
        }
        catch (SmtpException exception) when ((int)exception.StatusCode >= 400)
        {
            return SmtpOutcome.Refused((int)exception.StatusCode, $"SMTP {(int)exception.StatusCode}: {exception.Message}", time.GetElapsedTime(started));
        }
        catch (SmtpException exception)
        {
            // No reply code: the server was unreachable, TLS failed or the connection dropped.
            return SmtpOutcome.Failure(AttemptError.Connection, Describe(exception), time.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            return SmtpOutcome.Failure(AttemptError.Connection, exception.Message, time.GetElapsedTime(started));
        }
    }

    private static MailMessage Compose(SessionOutcomeEmail email, EmailOptions settings)
    {
        var message = new MailMessage(new MailAddress(WireText.Header(settings.From)), new MailAddress(WireText.Header(email.To)))
        {
            Subject = WireText.Header(email.Subject),
            SubjectEncoding = Encoding.UTF8,
            // Text in mail breaks lines with CRLF; the archived JSON uses LF, which quoted-printable would spell =0A.
            Body = email.Body.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
            HeadersEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Message-ID", WireText.Header($"<{email.MessageId}>"));
        if (email.Attachment is { } transcript)
        {
            var attachment = Attachment.CreateAttachmentFromString(transcript, WireText.Header(email.AttachmentName ?? "transcript.txt"), Encoding.UTF8, MediaTypeNames.Text.Plain);
            attachment.TransferEncoding = TransferEncoding.Base64;
            attachment.ContentDisposition!.DispositionType = DispositionTypeNames.Attachment;
            attachment.ContentDisposition.FileName = attachment.Name;
            message.Attachments.Add(attachment);
        }

        return message;
    }

    private static string Describe(SmtpException exception)
    {
        var inner = exception.InnerException?.Message;
        return inner is null ? exception.Message : $"{exception.Message} {inner}";
    }
}
