using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api;

/// <summary>
/// Reads a JSON request body so that a malformed one becomes a validation problem naming the field
/// (<c>action.timeoutSeconds</c>), where model binding would answer a bare 400.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problems by field.</summary>
    public static async Task<(T? Value, IDictionary<string, string[]>? Problems)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new Dictionary<string, string[]> { ["body"] = ["must be JSON (Content-Type: application/json)"] });
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, new Dictionary<string, string[]> { ["body"] = ["must be a JSON object"] })
                : (value, null);
        }
        catch (JsonException exception)
        {
            var field = FieldName(exception.Path);
            return (null, new Dictionary<string, string[]> { [field] = [Describe(exception)] });
        }
    }

    /// <summary>A JSON path such as <c>$.action['timeoutSeconds']</c> as a field name: <c>action.timeoutSeconds</c>.</summary>
    public static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }

    private static string Describe(JsonException exception)
    {
        // System.Text.Json's messages name CLR types; say what the client can act on.
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "is not a known field"
            : message.Contains("could not be converted", StringComparison.Ordinal)
                ? "has the wrong type for this field"
                : $"is not valid JSON: {message}";
    }
}
