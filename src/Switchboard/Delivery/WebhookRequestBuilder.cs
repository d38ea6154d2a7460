using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Events;
using Switchboard.Triggers;

namespace Switchboard.Delivery;

/// <summary>
/// Turns a trigger and an event into a signed <see cref="WebhookRequest"/> (README, "Delivery: outbound webhooks"). A
/// trigger's templates are compiled on its first use and kept as long as that trigger instance lives (the trigger
/// cache holds one instance per load), so a delivery only renders.
/// </summary>
public sealed class WebhookRequestBuilder
{
    /// <summary>The product name in <c>User-Agent</c>, <c>X-Powered-By</c> and <c>X-Requested-With</c>.</summary>
    public const string ProductName = "Switchboard";

    private readonly ConditionalWeakTable<Trigger, CompiledAction> compiled = [];
    private readonly string userAgent;

    /// <summary>Creates a builder with the version for <c>User-Agent</c> from <see cref="DeliveryOptions.UserAgentVersion"/>.</summary>
    public WebhookRequestBuilder(IOptions<DeliveryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        userAgent = $"{ProductName}/{options.Value.UserAgentVersion ?? LibraryVersion}";
    }

    /// <summary>The library's version, without build metadata (the <c>+commit</c> suffix).</summary>
    public static string LibraryVersion { get; } =
        (typeof(WebhookRequestBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0").Split('+')[0];

    /// <summary>The <c>User-Agent</c> sent with every request.</summary>
    public string UserAgent => userAgent;

    /// <summary>
    /// Builds and signs the request of <paramref name="trigger"/> for <paramref name="canonical"/>. The
    /// <c>webhook-id</c> is <paramref name="deliveryId"/>; <paramref name="timestamp"/> becomes <c>webhook-timestamp</c>.
    /// Throws <see cref="UriFormatException"/> when the rendered URL is not a valid absolute URL, and
    /// <see cref="HandlebarsDotNet.HandlebarsException"/> when a template fails while rendering.
    /// </summary>
    public WebhookRequest Build(Trigger trigger, CanonicalEvent canonical, string deliveryId, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(deliveryId);
        var action = compiled.GetValue(trigger, static t => new CompiledAction(t));
        object? context = action.NeedsContext ? WebhookEnvelope.TemplateContext(trigger.Id, deliveryId, canonical, action.CustomData) : null;

        var url = Url(action, trigger, canonical, context);
        ReadOnlyMemory<byte> body = default;
        string? contentType = null;
        if (action.CarriesBody)
        {
            body = Body(action, trigger, canonical, context);
            contentType = ContentType(action.Format);
        }

        var headers = new List<KeyValuePair<string, string>>(action.Headers.Count + 6)
        {
            new("User-Agent", userAgent),
            new("X-Powered-By", ProductName),
            new("X-Requested-With", ProductName),
        };
        foreach (var header in action.Headers)
        {
            // A trigger may replace an identification header (they prove nothing anyway: anyone can send them, as
            // Videsk's "Integradores (3rd party)" warns).
            headers.RemoveAll(h => string.Equals(h.Key, header.Name, StringComparison.OrdinalIgnoreCase));
            headers.Add(new(header.Name, header.Render(context)));
        }

        var unixTime = timestamp.ToUnixTimeSeconds();
        headers.Add(new("webhook-id", deliveryId));
        headers.Add(new("webhook-timestamp", unixTime.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (action.Keys.Count > 0)
        {
            headers.Add(new("webhook-signature", WebhookSigner.Sign(deliveryId, unixTime, body.Span, action.Keys)));
        }

        return new WebhookRequest
        {
            Method = action.Method,
            Url = url,
            Headers = headers,
            Body = body,
            ContentType = contentType,
            WebhookId = deliveryId,
            Timestamp = unixTime,
        };
    }

    /// <summary>The Content-Type of a body in <paramref name="format"/>.</summary>
    public static string ContentType(DeliveryFormat format) => format switch
    {
        DeliveryFormat.Form => "application/x-www-form-urlencoded",
        DeliveryFormat.Xml => "application/xml; charset=utf-8",
        DeliveryFormat.Text => "text/plain; charset=utf-8",
        _ => "application/json",
    };

    private static Uri Url(CompiledAction action, Trigger trigger, CanonicalEvent canonical, object? context)
    {
        var url = action.UrlTemplate?.Invoke(context) ?? action.Url;
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            url = url[..fragment];
        }

        var query = new StringBuilder();
        if (!action.CarriesBody)
        {
            // Without a body the payload travels in the query string; the trigger's own parameters win on a clash.
            foreach (var (name, value) in FormEncoding.TopLevelFields(WebhookEnvelope.Element(trigger.Id, canonical, action.CustomData)))
            {
                if (!action.Query.Any(q => string.Equals(q.Name, name, StringComparison.Ordinal)))
                {
                    FormEncoding.AppendPair(query, name, value);
                }
            }
        }

        foreach (var parameter in action.Query)
        {
            FormEncoding.AppendPair(query, parameter.Name, parameter.Render(context));
        }

        if (query.Length > 0)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? (url.EndsWith('?') || url.EndsWith('&') ? string.Empty : "&") : "?") + query;
        }

        return WireText.Url(url);
    }

    private static ReadOnlyMemory<byte> Body(CompiledAction action, Trigger trigger, CanonicalEvent canonical, object? context)
    {
        if (action.Body is not null)
        {
            return Encoding.UTF8.GetBytes(action.Body(context));
        }

        return action.Format switch
        {
            DeliveryFormat.Form => Encoding.UTF8.GetBytes(FormEncoding.Encode(WebhookEnvelope.Element(trigger.Id, canonical, action.CustomData))),
            DeliveryFormat.Xml => XmlEncoding.Encode(WebhookEnvelope.Element(trigger.Id, canonical, action.CustomData)),
            _ => WebhookEnvelope.Json(trigger.Id, canonical, action.CustomData),
        };
    }
}
