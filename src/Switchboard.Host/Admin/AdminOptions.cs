namespace Switchboard.Host.Admin;

/// <summary>Configuration section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    /// <summary>Keys accepted in the <c>x-switchboard-admin-key</c> header; none configured means no admin access.</summary>
    public IList<string> Keys { get; } = [];
}
