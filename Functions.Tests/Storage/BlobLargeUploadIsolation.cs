namespace Switchboard.Tests.Storage;

/// <summary>
/// Tests that measure the process's allocations: they run alone, so no other test's allocations are
/// counted with theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BlobLargeUploadIsolation
{
    public const string Name = "Blob large upload (measures allocations)";
}
