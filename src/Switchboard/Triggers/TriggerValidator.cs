using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Delivery;

namespace Switchboard.Triggers;

/// <summary>
/// Checks a trigger as a user sent it and returns it normalised (method upper case, format, op and
/// policy names canonical), or the problems keyed by the JSON path of the field they concern
/// (<c>action.url</c>, <c>filters[1].value</c>) — the shape of a validation problem+json.
/// </summary>
public sealed partial class TriggerValidator(bool allowPrivateNetworks = false)
{
    /// <summary>The longest a trigger may be once serialised, as it is stored in one table property.</summary>
    public const int MaxSerializedLength = StoredJson.MaxLength;

    /// <summary>
    /// How deep a <c>customData</c> value may nest. A trigger is written back inside a list response (five levels above
    /// its custom data) and inside the webhook envelope, each with <see cref="TriggerJson.MaxDepth"/>; half of that
    /// leaves room for both, so anything accepted can be written again.
    /// </summary>
    public const int MaxCustomDataDepth = TriggerJson.MaxDepth / 2;

    private static readonly string[] Sources = ["ucontact", "cdr", "videsk", "webitel", "ccai"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];
    private static readonly string[] Formats = ["json", "form", "xml", "text"];
    private static readonly string[] Policies = ["none", "linear", "incremental", "exponential"];

    // The signature headers are the webhook's own; a {{ }} template is filled with a placeholder to parse the URL.
    private readonly OutboundRequestRules requests = new(
        allowPrivateNetworks, ["webhook-id", "webhook-timestamp", "webhook-signature"], url => TemplateTag().Replace(url, "x"), text => text.Contains("{{", StringComparison.Ordinal));

    /// <summary>Problems by field; empty when the trigger is valid, and then <paramref name="normalized"/> is the trigger to store.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(Trigger trigger, out Trigger normalized)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (trigger.Id.Length > 0 && !KeyText.IsId(trigger.Id))
        {
            Add("id", KeyText.IdRule);
        }

        if (!KeyText.IsId(trigger.Tenant))
        {
            Add("tenant", KeyText.IdRule);
        }

        if (string.IsNullOrWhiteSpace(trigger.Name) || trigger.Name.Length > 200)
        {
            Add("name", "is required, at most 200 characters");
        }

        if (trigger.Description is { Length: > 2000 })
        {
            Add("description", "must be at most 2000 characters");
        }

        var source = trigger.Source?.ToLowerInvariant();
        if (source is not null && !Sources.Contains(source))
        {
            Add("source", $"must be one of {string.Join(", ", Sources)}, or absent for every source");
        }

        if (trigger.Events is null || trigger.Events.Count == 0)
        {
            Add("events", "must name at least one event type, or \"*\" for all");
        }
        else
        {
            for (var i = 0; i < trigger.Events.Count; i++)
            {
                if (!KeyText.IsName(trigger.Events[i]))
                {
                    Add($"events[{i}]", $"{KeyText.NameRule()}: an event type, or \"*\"");
                }
            }
        }

        if (trigger.Queue is { } queue && !KeyText.IsName(queue.Trim()))
        {
            Add("queue", $"{KeyText.NameRule()}; leave it out for every queue");
        }

        var filters = new List<TriggerFilter>();
        for (var i = 0; i < (trigger.Filters?.Count ?? 0); i++)
        {
            var filter = trigger.Filters![i];
            if (ValidateFilter(filter, $"filters[{i}]", Add) is { } valid)
            {
                filters.Add(valid);
            }
        }

        var action = ValidateAction(trigger, Add);
        normalized = trigger with
        {
            Source = source,
            Events = trigger.Events ?? [],
            Filters = filters,
            Action = action ?? trigger.Action,
            Queue = trigger.Queue?.Trim(),
        };

        if (problems.Count == 0 && JsonSerializer.Serialize(normalized, TriggerJson.Options) is { Length: > MaxSerializedLength } json)
        {
            Add(StoredJson.LargestField(json), $"is the largest part of a trigger too large to store: keep the serialised trigger under {MaxSerializedLength} characters");
        }

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="secret"/> is <c>whsec_</c> followed by base64 of 24–64 bytes.</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret["whsec_".Length..], buffer, out var length) && length is >= 24 and <= 64;
    }

    private static TriggerFilter? ValidateFilter(TriggerFilter? filter, string at, Action<string, string> add)
    {
        if (filter is null)
        {
            add(at, "must be an object with field, op and value");
            return null;
        }

        var ok = true;
        if (FieldPath.TryParse(filter.Field, out var pathError) is null)
        {
            add($"{at}.field", $"{pathError}: write a dot path such as data.cdr.dir or data.agents[0].id");
            ok = false;
        }

        var op = CompiledFilter.ParseOp(filter.Op);
        if (op is null)
        {
            add($"{at}.op", "must be one of eq, ne, in, contains, startsWith, gt, ge, lt, le, exists");
            return null;
        }

        var kind = filter.Value?.ValueKind ?? JsonValueKind.Undefined;
        var scalar = kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
        var (fits, expected) = op.Value switch
        {
            FilterOp.Eq or FilterOp.Ne => (scalar || kind == JsonValueKind.Null, "a string, number, boolean or null"),
            FilterOp.In => (kind == JsonValueKind.Array && filter.Value!.Value.GetArrayLength() > 0
                && filter.Value.Value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False), "a non-empty array of strings, numbers or booleans"),
            FilterOp.Contains => (scalar, "a string, number or boolean"),
            FilterOp.StartsWith => (kind == JsonValueKind.String, "a string"),
            FilterOp.Exists => (kind is JsonValueKind.Undefined or JsonValueKind.True or JsonValueKind.False, "true, false or absent"),
            _ => (kind is JsonValueKind.Number or JsonValueKind.String, "a number or a string"),
        };
        if (!fits)
        {
            add($"{at}.value", $"must be {expected} for op {op.Value.ToString().ToLowerInvariant()}");
            ok = false;
        }

        var canonicalOp = op.Value == FilterOp.StartsWith ? "startsWith" : op.Value.ToString().ToLowerInvariant();
        return ok ? filter with { Op = canonicalOp, Field = filter.Field.Trim() } : null;
    }

    private TriggerAction? ValidateAction(Trigger trigger, Action<string, string> add)
    {
        var action = trigger.Action;
        if (action is null)
        {
            add("action", "is required");
            return null;
        }

        if (requests.CheckUrl(action.Url) is { } urlProblem)
        {
            add("action.url", urlProblem);
        }

        var method = action.Method?.ToUpperInvariant() ?? string.Empty;
        if (!Methods.Contains(method))
        {
            add("action.method", $"must be one of {string.Join(", ", Methods)}");
        }

        var format = action.Format?.ToLowerInvariant() ?? string.Empty;
        if (!Formats.Contains(format))
        {
            add("action.format", $"must be one of {string.Join(", ", Formats)}");
        }
        else if (format == "text" && string.IsNullOrWhiteSpace(action.Body))
        {
            add("action.body", "is required when format is text: it is the template the body is rendered from");
        }

        if (action.TimeoutSeconds is < 1 or > 10)
        {
            add("action.timeoutSeconds", "must be between 1 and 10");
        }

        var retry = ValidateRetry(action.Retry, add);
        var templates = new TemplateCheck(trigger);
        templates.Check(action.Url, TemplateEscaping.Url, "action.url", add);
        templates.Check(action.Body, CompiledAction.BodyEscaping(CompiledAction.ParseFormat(format)), "action.body", add);
        foreach (var (name, value) in action.Headers ?? new Dictionary<string, string>())
        {
            if (requests.CheckHeaderName(name) is { } nameProblem)
            {
                add($"action.headers.{name}", nameProblem);
            }

            if (value is null)
            {
                add($"action.headers.{name}", "must be a string; leave the header out rather than null");
                continue;
            }

            templates.Check(value, TemplateEscaping.None, $"action.headers.{name}", add);
        }

        foreach (var (name, value) in action.Query ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                add("action.query", "parameter names must not be empty");
            }

            if (value is null)
            {
                add($"action.query.{name}", "must be a string; leave the parameter out rather than null");
                continue;
            }

            templates.Check(value, TemplateEscaping.None, $"action.query.{name}", add);
        }

        foreach (var (name, value) in action.CustomData ?? new Dictionary<string, JsonElement>())
        {
            if (Depth(value) > MaxCustomDataDepth)
            {
                add($"action.customData.{name}", $"nests deeper than {MaxCustomDataDepth} levels");
            }
        }

        if (action.Secret is not null && !IsValidSecret(action.Secret))
        {
            add("action.secret", "must be whsec_ followed by base64 of 24–64 random bytes; ask the API to generate one");
        }

        for (var i = 0; i < (action.PreviousSecrets?.Count ?? 0); i++)
        {
            if (!IsValidSecret(action.PreviousSecrets![i]))
            {
                add($"action.previousSecrets[{i}]", "must be whsec_ followed by base64 of 24–64 bytes");
            }
        }

        return action with
        {
            Method = method,
            Format = format,
            Retry = retry ?? action.Retry ?? new TriggerRetry(),
            Headers = action.Headers ?? new Dictionary<string, string>(),
            Query = action.Query ?? new Dictionary<string, string>(),
            CustomData = action.CustomData ?? new Dictionary<string, JsonElement>(),
            PreviousSecrets = action.PreviousSecrets ?? [],
        };
    }

    private static TriggerRetry? ValidateRetry(TriggerRetry? retry, Action<string, string> add)
    {
        retry ??= new TriggerRetry();
        var policy = retry.Policy?.ToLowerInvariant() ?? string.Empty;
        if (!Policies.Contains(policy))
        {
            add("action.retry.policy", $"must be one of {string.Join(", ", Policies)}");
            return null;
        }

        if (retry.Attempts is { } attempts && policy == "linear" && attempts is < 0 or > 10)
        {
            add("action.retry.attempts", "must be between 0 and 10 for the linear policy");
        }
        else if (retry.Attempts is not null && policy != "linear")
        {
            add("action.retry.attempts", $"is fixed by the {policy} policy; leave it out");
        }

        if (retry.RetryOn is { } statuses && (policy != "exponential" || statuses.Any(s => s is < 400 or > 599)))
        {
            add("action.retry.retryOn", policy == "exponential" ? "must list HTTP statuses between 400 and 599" : "applies to the exponential policy only");
        }

        return retry with
        {
            Policy = policy,
            Attempts = policy == "linear" ? retry.Attempts ?? TriggerDefaults.LinearAttempts : null,
        };
    }

    /// <summary>How deep a JSON value nests: 1 for a scalar, 1 more for each object or array around it.</summary>
    private static int Depth(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => 1 + value.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + value.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 1,
    };

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex TemplateTag();
}
