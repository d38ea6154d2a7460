using Azure.Core;

namespace Switchboard.Storage;

/// <summary>
/// Pipeline options for the storage clients. Azure.Core's retry policy retries 408, 429, 500, 502, 503,
/// 504, timeouts and connection failures; any other 4xx is returned at once.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Creates options with three exponential retries starting at 0.8 s and a 100 s network timeout.</summary>
    public StorageClientOptions()
    {
        Retry.MaxRetries = 3;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.ApplicationId = "Switchboard";
    }
}
