using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Tests.Guard;

/// <summary>The generated bad inputs for one route: its route values, query parameters, headers, body and framing.</summary>
internal static class GuardCases
{
    private const int Deep = 70;
    private static readonly string Long = new('a', 1000);
    private static readonly string Huge = new('x', 100_000);

    public static IEnumerable<GuardCase> For(GuardedRoute route, string tenant)
    {
        var baseline = Baseline(route, tenant);
        return RouteValueCases(route, baseline)
            .Concat(QueryCases(route, baseline))
            .Concat(HeaderCases(route, baseline))
            .Concat(route.TakesBody ? BodyCases(route, baseline, tenant) : []);
    }

    /// <summary>The route's valid request, which every case spoils in one place.</summary>
    public static GuardRequest Baseline(GuardedRoute route, string tenant)
    {
        var request = new GuardRequest { Method = route.Method, Path = Path(route, _ => null) };
        if (route.Query.Any(q => q.Key == "tenant"))
        {
            request = request.WithQuery("tenant", tenant);
        }

        return route.TakesBody ? request.WithBody(GuardSamples.Body(route, tenant)) with { ContentType = "application/json" } : request;
    }

    private static string Path(GuardedRoute route, Func<string, string?> spoil)
    {
        var path = route.Pattern;
        foreach (var name in route.RouteValues)
        {
            var value = spoil(name) ?? Uri.EscapeDataString(GuardSamples.RouteValue(name));
            path = path.Replace($"{{**{name}}}", value, StringComparison.Ordinal).Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        return "/" + path;
    }

    private static IEnumerable<GuardCase> RouteValueCases(GuardedRoute route, GuardRequest baseline)
    {
        foreach (var name in route.RouteValues)
        {
            foreach (var (input, escaped, mayPass) in new[]
            {
                ("blank", "%20", false),
                ("tab", "%09", false),
                ("1,000 characters", Long, false),
                ("slash-encoded", "a%2Fb", true),
            })
            {
                yield return new GuardCase(route, $"route {name} {input}", name, baseline with { Path = Path(route, n => n == name ? escaped : null) }, mayPass);
            }
        }
    }

    private static IEnumerable<GuardCase> QueryCases(GuardedRoute route, GuardRequest baseline)
    {
        foreach (var (name, isNumber) in route.Query)
        {
            var values = new List<(string Input, string Escaped)> { ("empty", ""), ("tab", "%09"), ("NUL", "%00") };
            if (isNumber)
            {
                values.AddRange([("non-numeric", "abc"), ("fraction", "1.5"), ("beyond int", "99999999999")]);
            }

            foreach (var (input, escaped) in values)
            {
                yield return new GuardCase(route, $"query {name} {input}", name, baseline.WithQuery(name, escaped));
            }
        }
    }

    private static IEnumerable<GuardCase> HeaderCases(GuardedRoute route, GuardRequest baseline)
    {
        foreach (var name in route.Headers)
        {
            var values = string.Equals(name, "If-Match", StringComparison.OrdinalIgnoreCase)
                ? new[] { ("weak without quotes", "W/bogus", false), ("quoted star", "\"*\"", false), ("a list", "\"a\", \"b\"", false), ("non-ASCII", "\"é\"", false), ("star in a list", "*, \"a\"", false), ("unquoted", "bogus", false) }
                : [("non-ASCII", "é", true)];
            foreach (var (input, value, mayPass) in values)
            {
                yield return new GuardCase(route, $"header {name} {input}", name, baseline.WithHeader(name, value), mayPass);
            }
        }
    }

    private static IEnumerable<GuardCase> BodyCases(GuardedRoute route, GuardRequest baseline, string tenant)
    {
        foreach (var (input, contentType, mayPass) in new[]
        {
            ("content type application/jsonx", "application/jsonx", false),
            ("content type text/html", "text/html", false),
            ("content type with charset utf-7", "application/json; charset=utf-7", false),
            ("content type with an unknown charset", "application/json; charset=nonsense", false),
            ("content type multipart", "multipart/form-data; boundary=x", false),
            ("no content type", null, true),
        })
        {
            yield return new GuardCase(route, input, "Content-Type", baseline with { ContentType = contentType }, mayPass);
        }

        foreach (var (input, body) in new[]
        {
            ("empty body", ""),
            ("truncated JSON", "{"),
            ("an array", "[]"),
            ("null", "null"),
            ("a string", "\"x\""),
            ("a number", "42"),
            ("nested arrays", new string('[', 200) + new string(']', 200)),
            ("a 2 MB string", $"\"{new string('x', 2_000_000)}\""),
        })
        {
            yield return new GuardCase(route, $"body: {input}", "body", baseline.WithBody(body));
        }

        yield return new GuardCase(route, "framing: body shorter than Content-Length", "body", baseline, Framing: GuardFraming.ShortBody);
        yield return new GuardCase(route, "framing: broken chunk size", "body", baseline, Framing: GuardFraming.BrokenChunks);

        var sample = JsonNode.Parse(GuardSamples.Body(route, tenant))!.AsObject();
        foreach (var path in Paths(sample, [], depth: 0))
        {
            var field = FieldName(path);
            foreach (var (input, value) in Spoils(Find(sample, path)))
            {
                var body = sample.DeepClone().AsObject();
                Replace(body, path, value);
                yield return new GuardCase(route, $"body field {field} {input}", field, baseline.WithBody(body.ToJsonString()), MayPass: true);
            }
        }
    }

    /// <summary>Every property of the sample down to three levels, and the first item of each array.</summary>
    private static IEnumerable<IReadOnlyList<object>> Paths(JsonNode node, IReadOnlyList<object> prefix, int depth)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)).ToList(),
            JsonArray { Count: > 0 } array => [((object)0, array[0])],
            _ => [],
        };
        foreach (var (segment, child) in children)
        {
            IReadOnlyList<object> path = [.. prefix, segment];
            yield return path;
            if (child is not null && depth < 2)
            {
                foreach (var nested in Paths(child, path, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>A path as the API names fields: <c>action.headers.X-Guard</c>, <c>filters[0].value</c>.</summary>
    private static string FieldName(IReadOnlyList<object> path) =>
        string.Concat(path.Select((segment, i) => segment is int index ? $"[{index}]" : i == 0 ? (string)segment : $".{segment}"));

    private static IEnumerable<(string Input, JsonNode? Value)> Spoils(JsonNode? current)
    {
        yield return ("null", null);
        yield return ("wrong type", current?.GetValueKind() == JsonValueKind.String ? new JsonObject() : JsonValue.Create("x"));
        yield return ("boolean", JsonValue.Create(true));
        yield return ("slash and hash", JsonValue.Create("a/b#c"));
        yield return ("control character", JsonValue.Create("a\u0001b"));
        yield return ("huge string", JsonValue.Create(Huge));
        var deep = new StringBuilder();
        deep.Insert(0, "{\"a\":", Deep).Append('1').Append('}', Deep);
        yield return ("deeply nested", JsonNode.Parse(deep.ToString(), documentOptions: new JsonDocumentOptions { MaxDepth = Deep + 1 }));
    }

    private static JsonNode? Find(JsonNode root, IReadOnlyList<object> path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = segment is int index ? node?[index] : node?[(string)segment];
        }

        return node;
    }

    private static void Replace(JsonNode root, IReadOnlyList<object> path, JsonNode? value)
    {
        var parent = Find(root, path.Take(path.Count - 1).ToList())!;
        if (path[^1] is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
    }
}
