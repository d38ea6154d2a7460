using Switchboard.Events;
using Switchboard.Events.Ccai;

namespace Switchboard.Tests.Events;

/// <summary>The catalog the ingest endpoint looks sources up in.</summary>
public sealed class SourceAdaptersTests
{
    private readonly SourceAdapters adapters = new(new SourceOptions());

    [Fact]
    public void It_holds_the_five_platforms()
    {
        Assert.Equal(["ccai", "cdr", "ucontact", "videsk", "webitel"], adapters.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ucontact")]
    [InlineData("CDR")]
    [InlineData("Videsk")]
    [InlineData("webitel")]
    [InlineData("CCAI")]
    public void Lookup_ignores_case(string source)
    {
        Assert.Equal(source.ToLowerInvariant(), adapters.Find(source)?.Name);
    }

    [Theory]
    [InlineData("genesys")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_source_has_no_adapter(string? source)
    {
        Assert.Null(adapters.Find(source));
    }

    [Fact]
    public void Two_adapters_with_one_name_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SourceAdapters([new CcaiAdapter(), new CcaiAdapter()]));
    }

    [Fact]
    public void An_unknown_ucontact_time_zone_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceAdapters(new SourceOptions { UcontactTimeZone = "Nowhere/Else" }));
    }
}
