using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Switchboard.Api;

/// <summary>Runs <see cref="AdminKeys.Check"/> before every admin route: through with a configured key in <c>x-switchboard-admin-key</c>, 401 problem+json otherwise.</summary>
public sealed class AdminKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return AdminKeys.Check(context.HttpContext.Request, options.CurrentValue) is { } denied ? denied : await next(context).ConfigureAwait(false);
    }
}
