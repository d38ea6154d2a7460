using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Switchboard.Api;

namespace Switchboard.Functions.Http;

/// <summary>
/// The admin key in front of every admin function (the portable host runs the same <see cref="AdminKeys.Check"/> as an
/// endpoint filter). The Functions host has already checked the function key by then.
/// </summary>
/// <param name="options">Section <c>Admin</c>, read on every call so rotated keys apply at once.</param>
public sealed class AdminGate(IOptionsMonitor<AdminOptions> options)
{
    /// <summary>The handler's result when <paramref name="request"/> carries an admin key; otherwise the 401, and the handler never runs.</summary>
    public async Task<IActionResult> RunAsync<TResult>(HttpRequest request, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Deny(request) ?? new ResultAction(await handler());
    }

    /// <summary>As <see cref="RunAsync{TResult}"/>, for a handler that does not wait.</summary>
    public IActionResult Run(HttpRequest request, Func<IResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Deny(request) ?? new ResultAction(handler());
    }

    private ResultAction? Deny(HttpRequest request) =>
        AdminKeys.Check(request, options.CurrentValue) is { } problem ? new ResultAction(problem) : null;
}
