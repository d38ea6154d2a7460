using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Api;

/// <summary>
/// The problems the API answers bad input with. Each names the field it concerns — a route value, query parameter,
/// header, or a body field's path — in <c>errors</c> (or, for a 404, in <c>field</c>), so a client knows what to fix.
/// </summary>
public static class FieldProblems
{
    /// <summary>400: <paramref name="field"/> is invalid.</summary>
    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(One(field, message));

    /// <summary>A problem with another status (408, 412, 413, 415) that is still about one field.</summary>
    public static ProblemHttpResult WithStatus(int status, string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(One(field, message)) { Status = status, Title = title, Detail = $"{field}: {message}" });

    /// <summary>The body could not be read: cut short, badly framed or too slow (the server's status: 400, 408 or 413).</summary>
    public static ProblemHttpResult BodyNotRead(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return WithStatus(exception.StatusCode, "Body not read", "body", $"could not be read: {exception.Message}");
    }

    /// <summary>404: nothing is found for the value of <paramref name="field"/>.</summary>
    public static ProblemHttpResult NotFound(string field, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static Dictionary<string, string[]> One(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
