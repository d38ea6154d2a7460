using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api;

/// <summary>Declares the problem responses a handler returns as <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/>, whose status its return type cannot tell.</summary>
public static class ProblemRouteHandlerBuilderExtensions
{
    /// <summary>
    /// Adds a problem+json response for each of <paramref name="statusCodes"/> to the route's metadata, so the OpenAPI
    /// document lists them. 400 needs no entry: a <see cref="Microsoft.AspNetCore.Http.HttpResults.ValidationProblem"/> in the return type declares it.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var statusCode in statusCodes)
        {
            builder.ProducesProblem(statusCode);
        }

        return builder;
    }

    /// <summary>The problems of a route that reads a JSON body itself (<see cref="JsonRequestBody"/>): 413 too large, 415 not JSON in UTF-8.</summary>
    public static RouteHandlerBuilder ProducesJsonBodyProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
}
