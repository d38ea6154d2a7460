using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Api;

/// <summary>
/// Reads query parameters the way minimal APIs bind them to handler parameters, for a host that calls the handlers
/// itself (the Functions app binds nothing but the request).
/// </summary>
public static class ApiQuery
{
    /// <summary>A <c>string?</c> parameter: null when absent, the text (maybe empty) when present, repeated values joined by commas.</summary>
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[name];
    }

    /// <summary>
    /// An <c>int?</c> parameter: true with null when absent or empty, true with the number when it is a whole number,
    /// false when it is something else (answer <see cref="NotAnInteger"/>).
    /// </summary>
    public static bool TryInt(HttpRequest request, string name, out int? value)
    {
        value = null;
        var text = Text(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    /// <summary>The 400 for a parameter that should be a whole number and is not.</summary>
    public static ValidationProblem NotAnInteger(string name) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = ["must be a whole number"] });
}
