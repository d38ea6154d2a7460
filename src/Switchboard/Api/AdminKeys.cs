using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Switchboard.Api;

/// <summary>
/// The admin-key check of every admin route, in the form both hosts use: the portable host runs it as an endpoint
/// filter, the Functions app at the top of each admin function.
/// </summary>
public static class AdminKeys
{
    /// <summary>The header the key travels in.</summary>
    public const string HeaderName = "x-switchboard-admin-key";

    /// <summary>
    /// Null when <paramref name="request"/> carries one of <see cref="AdminOptions.Keys"/> in <see cref="HeaderName"/>
    /// (compared in constant time); otherwise the 401 problem+json to answer with.
    /// </summary>
    public static ProblemHttpResult? Check(HttpRequest request, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (SecretKeys.Contains(options.Keys, request.Headers[HeaderName].ToString()))
        {
            return null;
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin key required",
            detail: options.Keys.Count == 0
                ? "No admin keys are configured (Admin:Keys), so the admin API is closed."
                : $"Send a key from Admin:Keys in the {HeaderName} header.");
    }
}
