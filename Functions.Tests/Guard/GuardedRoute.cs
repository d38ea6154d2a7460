using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api;
using Switchboard.Host.Hosting;

namespace Switchboard.Tests.Guard;

/// <summary>
/// One API route of the portable host as its endpoint metadata describes it: the inputs a client controls (route
/// values, query parameters, headers, a body) and so the inputs the guard spoils.
/// </summary>
internal sealed record GuardedRoute
{
    public required string Name { get; init; }

    public required string Method { get; init; }

    public required string Pattern { get; init; }

    public required IReadOnlyList<string> RouteValues { get; init; }

    /// <summary>Query parameters by name; true when the handler reads the value as a number.</summary>
    public required IReadOnlyList<KeyValuePair<string, bool>> Query { get; init; }

    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>True when the handler reads a request body (<see cref="RequestBodyAttribute"/>).</summary>
    public required bool TakesBody { get; init; }

    public override string ToString() => $"{Method} /{Pattern}";

    /// <summary>
    /// Every <c>api/</c> route of <paramref name="source"/> but the API reference pages, so a route added later is
    /// guarded without a change here.
    /// </summary>
    public static IReadOnlyList<GuardedRoute> All(EndpointDataSource source) =>
    [
        .. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.TrimStart('/').StartsWith(SwitchboardHostExtensions.DocsPrefix.TrimStart('/'), StringComparison.Ordinal))
            .SelectMany(From),
    ];

    private static IEnumerable<GuardedRoute> From(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>()
            ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no handler method in its metadata.");
        var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var query = new List<KeyValuePair<string, bool>>();
        var headers = new List<string>();
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<FromHeaderAttribute>() is { } header)
            {
                headers.Add(header.Name ?? parameter.Name!);
            }
            else if (IsQuery(parameter) && !routeValues.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase))
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                query.Add(new(parameter.Name!, type != typeof(string) || GuardSamples.IsNumber(parameter.Name!)));
            }
        }

        foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
        {
            yield return new GuardedRoute
            {
                Name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "?",
                Method = method,
                Pattern = endpoint.RoutePattern.RawText!.Trim('/'),
                RouteValues = routeValues,
                Query = query,
                Headers = headers,
                TakesBody = endpoint.Metadata.GetMetadata<RequestBodyAttribute>() is not null,
            };
        }
    }

    private static bool IsQuery(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttributes().Any(a => a is FromServicesAttribute or AsParametersAttribute or FromBodyAttribute))
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type == typeof(string) || type.IsPrimitive;
    }
}
