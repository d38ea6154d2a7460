namespace Switchboard.Tests.Sessions;

/// <summary>
/// Tests that measure the process's allocations while media is copied: they run alone, so no other test's
/// allocations are counted with theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MediaCopyIsolation
{
    public const string Name = "Session media copy (measures allocations)";
}
