namespace Switchboard.Sessions;

/// <summary>The campaign a session belongs to (CCAI campaign calls, uContact campaigns).</summary>
public sealed record SessionCampaign
{
    /// <summary>The campaign's id.</summary>
    public string? Id { get; init; }

    /// <summary>The campaign's name.</summary>
    public string? Name { get; init; }
}
