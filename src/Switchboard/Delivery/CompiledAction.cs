using System.Text.Json;
using Switchboard.Triggers;

namespace Switchboard.Delivery;

/// <summary>A trigger's action prepared once: method, format, compiled templates and decoded signing keys.</summary>
internal sealed class CompiledAction
{
    private static readonly HashSet<string> BodilessMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "DELETE", "OPTIONS" };

    public CompiledAction(Trigger trigger)
    {
        var action = trigger.Action;
        Method = new HttpMethod((action.Method ?? "POST").ToUpperInvariant());
        CarriesBody = !BodilessMethods.Contains(Method.Method);
        Format = ParseFormat(action.Format);
        Url = action.Url;
        UrlTemplate = Compile(action.Url, TemplateEscaping.Url);
        Query = [.. (action.Query ?? new Dictionary<string, string>()).Select(q => new CompiledText(q.Key, q.Value, Compile(q.Value, TemplateEscaping.None)))];

        // Header values are made safe where the sender puts them on the request, whatever rendered them.
        Headers = [.. (action.Headers ?? new Dictionary<string, string>()).Select(h => new CompiledText(h.Key, h.Value, Compile(h.Value, TemplateEscaping.None)))];
        Body = action.Body is null ? null : Compile(action.Body, BodyEscaping(Format)) ?? (_ => action.Body);
        CustomData = action.CustomData ?? new Dictionary<string, JsonElement>();
        var secrets = (action.Secret is null ? [] : new[] { action.Secret }).Concat(action.PreviousSecrets ?? []);
        Keys = [.. secrets.Select(WebhookSigner.DecodeSecret)];
        NeedsContext = UrlTemplate is not null || Body is not null || Query.Any(q => q.Template is not null) || Headers.Any(h => h.Template is not null);
    }

    public HttpMethod Method { get; }

    public bool CarriesBody { get; }

    public DeliveryFormat Format { get; }

    public string Url { get; }

    public Func<object?, string>? UrlTemplate { get; }

    public IReadOnlyList<CompiledText> Query { get; }

    public IReadOnlyList<CompiledText> Headers { get; }

    public Func<object?, string>? Body { get; }

    public IReadOnlyDictionary<string, JsonElement> CustomData { get; }

    public IReadOnlyList<byte[]> Keys { get; }

    public bool NeedsContext { get; }

    public static DeliveryFormat ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        "form" => DeliveryFormat.Form,
        "xml" => DeliveryFormat.Xml,
        "text" => DeliveryFormat.Text,
        _ => DeliveryFormat.Json,
    };

    public static TemplateEscaping BodyEscaping(DeliveryFormat format) => format switch
    {
        DeliveryFormat.Json => TemplateEscaping.Json,
        DeliveryFormat.Form => TemplateEscaping.Url,
        DeliveryFormat.Xml => TemplateEscaping.Xml,
        _ => TemplateEscaping.None,
    };

    private static Func<object?, string>? Compile(string? text, TemplateEscaping escaping) =>
        WebhookTemplates.IsTemplate(text) ? WebhookTemplates.Compile(text!, escaping) : null;
}
