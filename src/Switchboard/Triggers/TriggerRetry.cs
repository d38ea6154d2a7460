namespace Switchboard.Triggers;

/// <summary>A trigger's retry settings.</summary>
public sealed record TriggerRetry
{
    /// <summary>none, linear (default), incremental or exponential.</summary>
    public string Policy { get; init; } = "linear";

    /// <summary>Retries of the linear policy, 0–10 (default 1); the other policies fix their own count.</summary>
    public int? Attempts { get; init; }

    /// <summary>
    /// For the exponential policy, the statuses retried besides timeouts and connection errors
    /// (default 400, as "CRM personalizzato" says of the generic CRM API); ignored by the other policies.
    /// </summary>
    public IReadOnlyList<int>? RetryOn { get; init; }
}
