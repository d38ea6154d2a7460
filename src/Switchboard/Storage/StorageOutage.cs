using Azure;

namespace Switchboard.Storage;

/// <summary>Whether a failure is storage being unreachable or failing, as opposed to a request it refused.</summary>
public static class StorageOutage
{
    /// <summary>
    /// True for a transport failure (status 0: refused, reset, timed out), a 5xx from the service, or the SDK's
    /// AggregateException once its retries are spent on such failures.
    /// </summary>
    public static bool Is(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        HttpRequestException or IOException => true,
        _ => false,
    };
}
