namespace Switchboard.Delivery;

/// <summary>An attempt that was made: when, the request as the log may show it, and how it went.</summary>
public sealed record AttemptMade
{
    /// <summary>When the attempt started.</summary>
    public required DateTimeOffset AttemptedAt { get; init; }

    /// <summary>The method (an HTTP method, <c>SMTP</c>); null when the request could not be built.</summary>
    public string? Method { get; init; }

    /// <summary>Where it went, with anything secret masked or left out; null when the request could not be built.</summary>
    public string? Url { get; init; }

    /// <summary>How it went.</summary>
    public required AttemptOutcome Outcome { get; init; }
}
