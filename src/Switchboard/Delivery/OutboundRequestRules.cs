using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Switchboard.Delivery;

/// <summary>
/// What the URL and headers of a request Switchboard sends on a user's configuration must be, wherever it is configured
/// (a trigger's webhook action, a CRM endpoint), so both accept and refuse the same. Each check returns the problem as a
/// message, or null, for the caller to file under its own field.
/// </summary>
public sealed partial class OutboundRequestRules
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Headers the HTTP stack writes from the request itself; a configured value would contradict it.</summary>
    private static readonly string[] FramingHeaders = ["host", "content-length", "content-type", "transfer-encoding", "connection"];

    private readonly bool allowPrivateNetworks;
    private readonly HashSet<string> reservedHeaders;
    private readonly Func<string, string> fillTemplates;
    private readonly Func<string, bool> holdsTemplate;

    /// <summary>Rules for one template syntax.</summary>
    /// <param name="allowPrivateNetworks">
    /// Whether plain http is accepted besides https: only where <see cref="DeliveryOptions.AllowPrivateNetworks"/> is on,
    /// since a receiver reached over http sits on a private network.
    /// </param>
    /// <param name="reservedHeaders">Headers the caller sets itself (signatures, authorization), refused like the framing ones.</param>
    /// <param name="fillTemplates">Returns a URL with a placeholder in place of each template, so it can be parsed.</param>
    /// <param name="holdsTemplate">Whether text holds a template.</param>
    public OutboundRequestRules(bool allowPrivateNetworks, IEnumerable<string> reservedHeaders, Func<string, string> fillTemplates, Func<string, bool> holdsTemplate)
    {
        ArgumentNullException.ThrowIfNull(reservedHeaders);
        ArgumentNullException.ThrowIfNull(fillTemplates);
        ArgumentNullException.ThrowIfNull(holdsTemplate);
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.reservedHeaders = new HashSet<string>(FramingHeaders.Concat(reservedHeaders), StringComparer.OrdinalIgnoreCase);
        this.fillTemplates = fillTemplates;
        this.holdsTemplate = holdsTemplate;
    }

    /// <summary>
    /// The first problem with <paramref name="url"/>, or null: it is required, at most <see cref="MaxUrlLength"/>
    /// characters, absolute once its templates are filled, https (or http where allowed), and its host is fixed —
    /// templates may stand in path and query only, so a request cannot be steered to another host.
    /// </summary>
    public string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters";
        }

        if (!Uri.TryCreate(fillTemplates(url), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return "must be an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivateNetworks && uri.Scheme == Uri.UriSchemeHttp))
        {
            return allowPrivateNetworks ? "must use https or http" : "must use https (http only when Delivery:AllowPrivateNetworks is on)";
        }

        return holdsTemplate(Authority(url)) ? "must not put a variable in the host: only path and query may hold them" : null;
    }

    /// <summary>The problem with a header name, or null: it must be an HTTP token and not one Switchboard sets.</summary>
    public string? CheckHeaderName(string? name)
    {
        if (!IsHeaderName(name))
        {
            return "is not a valid header name";
        }

        return reservedHeaders.Contains(name) ? "is set by Switchboard and cannot be configured" : null;
    }

    /// <summary>True when <paramref name="name"/> can name an HTTP header (an RFC 9110 token), whether or not it is reserved.</summary>
    public static bool IsHeaderName([NotNullWhen(true)] string? name) => name is not null && HeaderName().IsMatch(name);

    /// <summary>True when <paramref name="url"/> is an absolute http or https URL with a host.</summary>
    public static bool IsAbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// The authority of <paramref name="url"/> as written, before any template is filled (user info, host and port):
    /// what follows the scheme's <c>://</c> (or the start) up to the first <c>/</c>, <c>?</c> or <c>#</c>.
    /// </summary>
    public static string Authority(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? url[start..] : url[start..end];
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();
}
