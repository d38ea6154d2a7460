using Microsoft.Extensions.Options;
using Switchboard.Host.Api;

namespace Switchboard.Host.Admin;

/// <summary>Lets a request through only with a configured key in <c>x-switchboard-admin-key</c>; 401 problem+json otherwise.</summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    /// <summary>The header the key travels in.</summary>
    public const string HeaderName = "x-switchboard-admin-key";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (SecretKeys.Contains(options.CurrentValue.Keys, presented))
        {
            return await next(context);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin key required",
            detail: options.CurrentValue.Keys.Count == 0
                ? "No admin keys are configured (Admin:Keys), so the admin API is closed."
                : $"Send a key from Admin:Keys in the {HeaderName} header.");
    }
}
