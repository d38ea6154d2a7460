using System.Collections.Concurrent;
using System.Text.Json;
using HandlebarsDotNet;

namespace Switchboard.Delivery;

/// <summary>
/// Compiles <c>{{ }}</c> templates (Handlebars.Net) with one environment per <see cref="TemplateEscaping"/>, so each
/// value is escaped for where it lands. Besides Handlebars' own helpers, <c>{{json x}}</c> writes <c>x</c> as JSON
/// (a string quoted, an object or array as is): raw in JSON bodies, escaped like any other value elsewhere.
/// Booleans render as <c>true</c>/<c>false</c>; a missing field renders as nothing.
/// </summary>
public static class WebhookTemplates
{
    private static readonly ConcurrentDictionary<TemplateEscaping, Lazy<(IHandlebars Environment, Lock Gate)>> Environments = new();

    /// <summary>True when <paramref name="text"/> holds a <c>{{ }}</c> expression and so needs compiling.</summary>
    public static bool IsTemplate(string? text) => text is not null && text.Contains("{{", StringComparison.Ordinal);

    /// <summary>
    /// Compiles <paramref name="template"/> for <paramref name="escaping"/>. The result is thread-safe and renders
    /// against a context object (the delivery's template context). Throws <see cref="HandlebarsException"/> when the
    /// template does not compile (the trigger validator has already rejected such templates).
    /// </summary>
    public static Func<object?, string> Compile(string template, TemplateEscaping escaping)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (environment, gate) = Environments.GetOrAdd(escaping, e => new Lazy<(IHandlebars, Lock)>(() => (Create(e), new Lock()))).Value;
        HandlebarsTemplate<object, object> compiled;

        // Compilation shares the environment's caches; it happens once per trigger version, so a lock costs nothing.
        lock (gate)
        {
            compiled = environment.Compile(template);
        }

        return context => compiled(context!);
    }

    private static IHandlebars Create(TemplateEscaping escaping)
    {
        var configuration = new HandlebarsConfiguration { TextEncoder = new TemplateEncoder(escaping) };
        configuration.FormatterProviders.Add(new JsonValueFormatter());
        var environment = Handlebars.Create(configuration);
        environment.RegisterHelper("json", (EncodedTextWriter writer, Context _, Arguments arguments) =>
        {
            var json = arguments.Length == 0 ? "null" : ToJson(arguments[0]);
            writer.Write(json, escaping != TemplateEscaping.Json);
        });
        return environment;
    }

    private static string ToJson(object? value) => value switch
    {
        JsonElement element => element.GetRawText(),
        null or UndefinedBindingResult => "null",
        bool flag => flag ? "true" : "false",
        _ => "\"" + TemplateEncoder.EscapeJson(value.ToString() ?? string.Empty) + "\"",
    };
}
