namespace Switchboard.Sessions;

/// <summary>
/// Configuration section <c>Export</c>: when and where a finished session is archived in the UJET external-storage
/// layout (docs/platforms.md, "The UJET external-storage layout").
/// </summary>
public sealed record ExportOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Export";

    /// <summary>The default of <see cref="MaxMediaBytes"/>: 100 MiB.</summary>
    public const long DefaultMaxMediaBytes = 100L * 1024 * 1024;

    /// <summary>
    /// The longest <see cref="Delay"/> accepted: 7 days, the longest a delayed queue message (the portable host's
    /// timer) can wait.
    /// </summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    /// <summary>
    /// How long after a session ends its export runs (default 15 minutes, as CCAI sends its metadata file), so
    /// that recordings and other events that trail the end are in the journal by then. 0 to 7 days.
    /// </summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The blob container the archive is written to (default <c>switchboard-sessions</c>); created when the host starts.</summary>
    public string Container { get; init; } = "switchboard-sessions";

    /// <summary>
    /// A folder inside <see cref="Container"/> that holds the <c>ujet-*</c> folders (CCAI's "Folder path"); empty
    /// (the default) writes them at the container's root. <c>{tenant}</c> in it is replaced by the session's tenant,
    /// which keeps the sessions of tenants sharing a container apart.
    /// </summary>
    public string FolderPath { get; init; } = string.Empty;

    /// <summary>
    /// The largest media file, recording or voicemail copied, in bytes (default 100 MiB). A larger file is not
    /// copied and is reported in the metadata's diagnostics.
    /// </summary>
    public long MaxMediaBytes { get; init; } = DefaultMaxMediaBytes;

    /// <summary>How long copying one media file may take, headers and body together (default 10 minutes).</summary>
    public TimeSpan MediaTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What is wrong with these options, one message per problem, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Delay < TimeSpan.Zero || Delay > MaxDelay)
        {
            problems.Add($"Export:Delay must be from 00:00:00 to {MaxDelay:c}.");
        }

        if (!IsContainerName(Container))
        {
            problems.Add("Export:Container must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (FolderPath is null || FolderPath.Replace('\\', '/').Split('/').Any(segment => segment is "." or ".."))
        {
            problems.Add("Export:FolderPath may not hold '.' or '..' segments.");
        }

        if (MaxMediaBytes <= 0)
        {
            problems.Add("Export:MaxMediaBytes must be positive.");
        }

        if (MediaTimeout <= TimeSpan.Zero)
        {
            problems.Add("Export:MediaTimeout must be positive.");
        }

        return problems;
    }

    private static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);
}
