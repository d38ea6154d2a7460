namespace Switchboard.Sessions;

/// <summary>The customer's rating of the session (CSAT), when they left one.</summary>
public sealed record SessionRating
{
    /// <summary>The score as sent (CCAI rates 1–5).</summary>
    public string? Score { get; init; }

    /// <summary>The customer's feedback message.</summary>
    public string? Feedback { get; init; }
}
