using System.Text.Json;

namespace Switchboard.Tests.Guard;

/// <summary>What a guarded route may answer to a bad input: never a 5xx; a refusal is a 4xx problem+json naming the field.</summary>
internal static class GuardVerdict
{
    /// <summary>Null when the answer is acceptable, otherwise what is wrong with it.</summary>
    public static string? Judge(GuardCase guardCase, int status, string? contentType, string body)
    {
        if (status is >= 200 and < 300)
        {
            return guardCase.MayPass ? null : $"answered {status}; it must refuse";
        }

        if (status is < 400 or >= 500)
        {
            return $"answered {status}: {Excerpt(body)}";
        }

        if (contentType?.Split(';')[0].Trim() != "application/problem+json")
        {
            return $"answered {status} as {contentType ?? "no content type"}, not problem+json: {Excerpt(body)}";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return Names(problem.RootElement, guardCase, status) ? null : $"answered {status} without naming {guardCase.Field}: {Excerpt(body)}";
        }
        catch (JsonException)
        {
            return $"answered {status} with a body that is not JSON: {Excerpt(body)}";
        }
    }

    /// <summary>
    /// True when the problem's <c>errors</c> or <c>field</c> (a JSON Pointer for ingest, the empty pointer being the body)
    /// is the field, a field inside it, or the object that holds it. A spoilt body may be blamed on any body field; a
    /// 404 on any route value or query parameter, since together they name what was not found.
    /// </summary>
    private static bool Names(JsonElement problem, GuardCase guardCase, int status)
    {
        var field = guardCase.Field;
        var route = guardCase.Route;
        var named = new List<string>();
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            named.AddRange(errors.EnumerateObject().Select(e => e.Name));
        }

        if (problem.TryGetProperty("field", out var pointer) && pointer.ValueKind == JsonValueKind.String)
        {
            var text = pointer.GetString()!;
            named.Add(text.Length == 0 ? "body" : text.StartsWith('/') ? text[1..].Replace('/', '.') : text);
        }

        var outside = route.RouteValues.Concat(route.Query.Select(q => q.Key)).Concat(route.Headers).Append("Content-Type").ToList();
        return named.Any(name => Related(name, field)
            || (field == "body" && !outside.Contains(name, StringComparer.OrdinalIgnoreCase))
            || (status == 404 && route.RouteValues.Concat(route.Query.Select(q => q.Key)).Contains(name)));
    }

    private static bool Related(string name, string field) =>
        string.Equals(name, field, StringComparison.OrdinalIgnoreCase)
        || Inside(name, field)
        || (field != "body" && Inside(field, name));

    private static bool Inside(string inner, string outer) =>
        inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.OrdinalIgnoreCase) && inner[outer.Length] is '.' or '[';

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
