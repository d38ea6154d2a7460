using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Functions.Http;

/// <summary>
/// Runs a handler's <see cref="IResult"/> (what the library's API handlers return, as minimal APIs take them) as the
/// <see cref="IActionResult"/> the Functions ASP.NET Core integration executes, so both hosts write the same responses.
/// </summary>
/// <param name="result">The handler's result.</param>
public sealed class ResultAction(IResult result) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
