using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Api;

/// <summary>
/// Reads a JSON request body so that every way it can be wrong becomes a problem naming the field: a Content-Type other
/// than JSON in UTF-8 (415, <c>Content-Type</c>), a body the connection cut short or framed badly (400, or 408/413 as
/// the server says, <c>body</c>), and JSON that does not fit the type (400, <c>action.timeoutSeconds</c>).
/// </summary>
public static class JsonRequestBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ContentTypeProblem(request.ContentType) is { } unsupported)
        {
            return (null, FieldProblems.WithStatus(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Content-Type", unsupported));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken).ConfigureAwait(false);
            return value is null ? (null, Invalid("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Invalid(FieldName(exception.Path), Describe(exception)));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, FieldProblems.BodyNotRead(exception));
        }
    }

    /// <summary>A JSON path such as <c>$.action['timeoutSeconds']</c> as a field name: <c>action.timeoutSeconds</c>.</summary>
    public static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$" || !path.StartsWith("$.", StringComparison.Ordinal) && !path.StartsWith("$['", StringComparison.Ordinal))
        {
            return "body";
        }

        return path.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal).TrimStart('.');
    }

    /// <summary>Null for JSON in UTF-8 (<c>application/json</c>, <c>text/json</c>, <c>application/*+json</c>); otherwise why not.</summary>
    private static string? ContentTypeProblem(string? contentType)
    {
        const string Expected = "must be application/json (UTF-8)";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return Expected;
        }

        var json = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        var charset = mediaType.Charset.Value;
        return !json ? Expected
            : charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase) ? null
            : $"charset {charset} is not read: send UTF-8";
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        FieldProblems.WithStatus(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", field, message);

    private static string Describe(JsonException exception)
    {
        // System.Text.Json's messages name CLR types; say what the client can act on.
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field"
            : message.Contains("null values", StringComparison.Ordinal) || message.Contains("doesn't allow null", StringComparison.Ordinal) ? "must not be null"
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type for this field"
            : $"is not valid JSON: {message}";
    }
}
