using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Delivery;
using Switchboard.Pipeline;

namespace Switchboard.Triggers;

/// <summary>
/// Checks a trigger's templates the way a delivery runs them: compiled for where their output lands and rendered once
/// against a sample event of the trigger's source. A template that would fail every delivery — an unknown helper or
/// partial (<c>{{&gt; x}}</c>), a helper missing its argument — is refused when the trigger is saved instead of
/// dead-lettering each delivery later.
/// </summary>
/// <param name="trigger">The trigger whose templates these are; its source, first event type and custom data make the sample.</param>
internal sealed partial class TemplateCheck(Trigger trigger)
{
    /// <summary>The helpers delivery templates have: Handlebars.Net's own and <c>json</c>.</summary>
    private static readonly HashSet<string> Helpers = new(StringComparer.Ordinal) { "json", "if", "unless", "each", "with", "lookup", "else" };

    private JsonElement? context;

    /// <summary>Adds a problem for <paramref name="field"/> when <paramref name="template"/> fails to compile or to render.</summary>
    public void Check(string? template, TemplateEscaping escaping, string field, Action<string, string> add)
    {
        if (!WebhookTemplates.IsTemplate(template))
        {
            return;
        }

        Func<object?, string> render;
        try
        {
            render = WebhookTemplates.Compile(template!, escaping);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Handlebars.Net throws its own exceptions and, for some malformed blocks ({{#if}}), plain ones too.
            add(field, $"template does not compile: {FirstSentence(exception.Message)}");
            return;
        }

        try
        {
            render(Context());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            add(field, $"template fails when it runs (so every delivery would): {FirstSentence(exception.Message)}");
            return;
        }

        if (UnknownName(template!) is { } name)
        {
            var fields = string.Join(", ", Context().EnumerateObject().Select(p => p.Name));
            add(field, $"{{{{{name}}}}} is neither a field of the template context ({fields}) nor a helper ({string.Join(", ", Helpers.Order())}), so it would always render nothing");
        }
    }

    /// <summary>
    /// The first expression outside any block whose name is not a field of the context's top level nor a helper:
    /// Handlebars renders it as nothing (<c>{{log}}</c>, a helper Handlebars.js has and Handlebars.Net lacks, or a
    /// misspelt field). Inside blocks names may refer to what the block iterates, so they are left alone.
    /// </summary>
    private string? UnknownName(string template)
    {
        var depth = 0;
        foreach (Match match in Expression().Matches(template))
        {
            var body = match.Groups["body"].Value.Trim('~', ' ', '\t', '\r', '\n');
            if (body.Length == 0 || body == "^" || body[0] is '!' or '>' or '*' or '[' or '@' or '.')
            {
                continue;
            }

            if (body[0] is '#' or '^')
            {
                depth++;
                continue;
            }

            if (body[0] == '/')
            {
                depth--;
                continue;
            }

            var parts = body.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var head = parts[0].Split('.', '/', '[')[0];
            if (depth == 0 && parts.Length == 1 && head.Length > 0 && head != "this" && !Helpers.Contains(head) && !Context().TryGetProperty(head, out _))
            {
                return head;
            }
        }

        return null;
    }

    private JsonElement Context()
    {
        if (context is null)
        {
            var now = DateTimeOffset.UtcNow;
            var sample = SampleEvents.For(trigger.Source?.ToLowerInvariant(), trigger.Events is { Count: > 0 } events ? events[0] : null, TriggerDefaults.Tenant, now);
            context = WebhookEnvelope.TemplateContext(trigger.Id, DeliveryIds.New(now), sample, trigger.Action.CustomData ?? new Dictionary<string, JsonElement>());
        }

        return context.Value;
    }

    [GeneratedRegex(@"\{\{\{?(?<body>.*?)\}?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['\n', '\r']);
        message = end < 0 ? message : message[..end];
        var stop = message.IndexOf(". ", StringComparison.Ordinal);
        return stop < 0 ? message.TrimEnd('.') : message[..stop];
    }
}
