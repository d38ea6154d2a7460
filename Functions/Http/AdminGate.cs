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
    /// <summary>Null when <paramref name="request"/> carries an admin key; otherwise the 401 to answer with.</summary>
    public IActionResult? Deny(HttpRequest request) =>
        AdminKeys.Check(request, options.CurrentValue) is { } problem ? new ResultAction(problem) : null;
}
