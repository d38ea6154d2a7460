using System.Text.Json;
using Switchboard.Crm.Settings;
using Switchboard.Delivery;

namespace Switchboard.Crm.Calls;

/// <summary>What a CRM request came to: the outcome as the attempt log records it, and the response's JSON when it had some.</summary>
public sealed record CrmResponse
{
    /// <summary>The status code or error, latency and response excerpt.</summary>
    public required AttemptOutcome Outcome { get; init; }

    /// <summary>The response body as JSON; null when it was empty, not JSON, or longer than <see cref="CrmOptions.MaxResponseBytes"/>.</summary>
    public JsonElement? Json { get; init; }

    /// <summary>A request that was never sent.</summary>
    public static CrmResponse Failure(AttemptError error, string message, int? statusCode = null) =>
        new() { Outcome = AttemptOutcome.Failure(error, message, statusCode: statusCode) };
}
