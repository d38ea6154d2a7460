using Switchboard.Crm.Settings;

namespace Switchboard.Tests.Crm.Settings;

public sealed class CrmOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_read_numbers_without_a_country_code_as_north_american()
    {
        Assert.Empty(new CrmOptions().Problems());
        Assert.Equal("US", new CrmOptions().DefaultRegion);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("it")]
    public void Any_region_with_phone_numbering_data_is_a_default_region(string region) =>
        Assert.Empty(new CrmOptions { DefaultRegion = region }.Problems());

    [Theory]
    [InlineData("UK")]
    [InlineData("")]
    public void An_unknown_default_region_is_refused_naming_the_setting(string region) =>
        Assert.StartsWith("Crm:DefaultRegion must be an ISO 3166-1 alpha-2 region code", Assert.Single(new CrmOptions { DefaultRegion = region }.Problems()), StringComparison.Ordinal);
}
