using Microsoft.AspNetCore.Http;

namespace Switchboard.Api;

/// <summary>
/// Reads query parameters the way minimal APIs bind them to handler parameters, for a host that calls the handlers
/// itself (the Functions app binds nothing but the request). Handlers take every query value as text and check it
/// themselves (<see cref="InputProblems"/>), so both hosts refuse the same values with the same problems.
/// </summary>
public static class ApiQuery
{
    /// <summary>A <c>string?</c> parameter: null when absent, the text (maybe empty) when present, repeated values joined by commas.</summary>
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[name];
    }

    /// <summary>The <c>tenant</c> parameter every route takes, as <see cref="Text"/> reads it: null for the default tenant.</summary>
    public static string? Tenant(HttpRequest request) => Text(request, "tenant");
}
