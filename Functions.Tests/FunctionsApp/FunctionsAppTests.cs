using Switchboard.Tests.Azurite;

namespace Switchboard.Tests.FunctionsApp;

/// <summary>
/// The Functions app's tests share one Azurite of their own: ingest writes to the fixed <c>switchboard-events</c> queue,
/// which no other test may read from under them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FunctionsAppTests : ICollectionFixture<DedicatedAzurite>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Functions app";
}
