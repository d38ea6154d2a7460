namespace Switchboard.Api;

/// <summary>Configuration section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Admin";

    /// <summary>Keys accepted in the <c>x-switchboard-admin-key</c> header; none configured means no admin access.</summary>
    public IList<string> Keys { get; } = [];
}
