namespace Switchboard.Api;

/// <summary>The body of <c>PUT api/email/settings</c> and <c>PUT api/email/settings/queues/{queue}</c>.</summary>
public sealed record EmailSettingsRequest
{
    /// <summary>The "send the session outcome by email" switch; required.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The recipient, a bare address such as <c>crm@example.com</c>; empty or absent for none (then this level sends nothing).</summary>
    public string? Address { get; init; }
}
