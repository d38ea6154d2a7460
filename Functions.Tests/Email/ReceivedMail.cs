using System.Text.RegularExpressions;

namespace Switchboard.Tests.Email;

/// <summary>A message the <see cref="SmtpSink"/> accepted: the envelope and the DATA text, with its MIME structure read.</summary>
internal sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Data)
{
    public string? Header(string name)
    {
        var (headers, _) = MailPart.Split(Data);
        return headers.TryGetValue(name, out var value) ? MailPart.DecodeWords(value) : null;
    }

    public string? Subject => Header("Subject");

    /// <summary>The message's parts: those of a multipart message, else the message itself.</summary>
    public IReadOnlyList<MailPart> Parts
    {
        get
        {
            var (headers, body) = MailPart.Split(Data);
            var contentType = headers.GetValueOrDefault("Content-Type") ?? "text/plain";
            var boundary = Regex.Match(contentType, @"boundary=(?:""(?<b>[^""]+)""|(?<b>[^;\s]+))", RegexOptions.IgnoreCase);
            if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || !boundary.Success)
            {
                return [new MailPart(headers, MailPart.Decode(body, headers.GetValueOrDefault("Content-Transfer-Encoding")))];
            }

            var delimiter = "--" + boundary.Groups["b"].Value;
            var parts = new List<MailPart>();
            foreach (var chunk in body.Split(delimiter).Skip(1))
            {
                if (chunk.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = MailPart.Split(chunk.TrimStart('\r', '\n'));
                parts.Add(new MailPart(partHeaders, MailPart.Decode(partBody, partHeaders.GetValueOrDefault("Content-Transfer-Encoding"))));
            }

            return parts;
        }
    }

    /// <summary>The text of the first part that is not an attachment.</summary>
    public string Body => Parts.First(p => !p.IsAttachment).Text;

    public IReadOnlyList<MailPart> Attachments => [.. Parts.Where(p => p.IsAttachment)];
}
