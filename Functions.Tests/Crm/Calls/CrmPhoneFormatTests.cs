using Switchboard.Crm.Calls;

namespace Switchboard.Tests.Crm.Calls;

public sealed class CrmPhoneFormatTests
{
    // "CRM personalizzato", "Formato del numero di telefono".
    [Theory]
    [InlineData("automatic", false, "+1 222 333 4444")]
    [InlineData("automatic", true, "*222*333*4444")]
    [InlineData("e164", false, "+12223334444")]
    [InlineData("e164", true, "+12223334444")]
    [InlineData("usLocal", false, "2223334444")]
    [InlineData("usLocalStandard", false, "(222) 333-4444")]
    [InlineData("international", false, "+1 222 333 4444")]
    [InlineData("international", true, "+1 222 333 4444")]
    public void The_documented_examples_come_out_exactly(string format, bool search, string expected) =>
        Assert.Equal(expected, CrmPhoneFormat.Format("+12223334444", format, search));

    [Fact]
    public void The_documented_us_local_standard_example_number_is_written_as_the_document_writes_it() =>
        Assert.Equal("(111) 222-3333", CrmPhoneFormat.Format("1112223333", CrmPhoneFormat.UsLocalStandard));

    [Theory]
    [InlineData("+1 222 333 4444")]
    [InlineData("+1 (222) 333-4444")]
    [InlineData("12223334444")]
    [InlineData("2223334444")]
    [InlineData("(222) 333-4444")]
    [InlineData("222.333.4444")]
    [InlineData("011 1 222 333 4444")]
    [InlineData(" +1-222-333-4444 ")]
    [InlineData("tel:+1-222-333-4444")]
    public void Every_common_spelling_of_a_north_american_number_reads_the_same(string spelling)
    {
        Assert.Equal("+12223334444", CrmPhoneFormat.Format(spelling, CrmPhoneFormat.E164));
        Assert.Equal("*222*333*4444", CrmPhoneFormat.Format(spelling, CrmPhoneFormat.Automatic, search: true));
    }

    // libphonenumber groups a number as its country writes it; the vendor's examples show only North American numbers.
    [Theory]
    [InlineData("e164", false, "+442079460958")]
    [InlineData("international", false, "+44 20 7946 0958")]
    [InlineData("automatic", false, "+44 20 7946 0958")]
    [InlineData("automatic", true, "*20*7946*0958")]
    [InlineData("usLocal", false, "+442079460958")]
    [InlineData("usLocalStandard", false, "+442079460958")]
    [InlineData("national", false, "+44 20 7946 0958")]
    public void Other_countries_are_grouped_as_they_write_them_and_us_formats_fall_back_to_e164(string format, bool search, string expected) =>
        Assert.Equal(expected, CrmPhoneFormat.Format("+44 20 7946 0958", format, search));

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958", "*20*7946*0958")]
    [InlineData("+39 06 6982 1234", "+390669821234", "+39 06 6982 1234", "*06*6982*1234")]
    [InlineData("+49 30 1234567", "+49301234567", "+49 30 1234567", "*30*1234567")]
    [InlineData("+34 912 34 56 78", "+34912345678", "+34 912 34 56 78", "*912*34*56*78")]
    [InlineData("+353 1 234 5678", "+35312345678", "+353 1 234 5678", "*1*234*5678")]
    public void Uk_italian_german_spanish_and_irish_numbers(string number, string e164, string international, string search)
    {
        Assert.Equal(e164, CrmPhoneFormat.Format(number, CrmPhoneFormat.E164));
        Assert.Equal(international, CrmPhoneFormat.Format(number, CrmPhoneFormat.International));
        Assert.Equal(search, CrmPhoneFormat.Format(number, CrmPhoneFormat.Automatic, search: true));
    }

    [Fact]
    public void Hyphenated_groups_are_written_with_spaces_in_the_international_form()
    {
        Assert.Equal("+7 495 123 45 67", CrmPhoneFormat.Format("+7 495 123-45-67", CrmPhoneFormat.International));
        Assert.Equal("*495*123*45*67", CrmPhoneFormat.Format("+7 495 123-45-67", CrmPhoneFormat.Automatic, search: true));
        Assert.Equal("+81 3 1234 5678", CrmPhoneFormat.Format("+81 3-1234-5678", CrmPhoneFormat.International));
    }

    [Theory]
    [InlineData("GB", "020 7946 0958", "+442079460958", "020 7946 0958")]
    [InlineData("GB", "00 44 20 7946 0958", "+442079460958", "020 7946 0958")]
    [InlineData("IT", "06 6982 1234", "+390669821234", "06 6982 1234")]
    [InlineData("DE", "030 1234567", "+49301234567", "030 1234567")]
    [InlineData("ES", "912 34 56 78", "+34912345678", "912 34 56 78")]
    [InlineData("US", "222 333 4444", "+12223334444", "(222) 333-4444")]
    [InlineData("gb", "020 7946 0958", "+442079460958", "020 7946 0958")]
    public void Numbers_without_a_country_code_belong_to_the_default_region(string region, string number, string e164, string national)
    {
        Assert.Equal(e164, CrmPhoneFormat.Format(number, CrmPhoneFormat.E164, region: region));
        Assert.Equal(national, CrmPhoneFormat.Format(number, CrmPhoneFormat.National, region: region));
    }

    [Fact]
    public void The_default_region_is_the_united_states_so_ten_digits_are_north_american()
    {
        Assert.Equal("US", CrmPhoneFormat.DefaultRegion);
        Assert.Equal("+12079460958", CrmPhoneFormat.Format("2079460958", CrmPhoneFormat.E164));
        Assert.Equal("+442079460958", CrmPhoneFormat.Format("2079460958", CrmPhoneFormat.E164, region: "GB"));
    }

    [Theory]
    [InlineData("GB", "+1 222 333 4444", "+1 222 333 4444")]
    [InlineData("IT", "+44 20 7946 0958", "+44 20 7946 0958")]
    public void National_writes_other_countries_numbers_in_the_international_form(string region, string number, string expected) =>
        Assert.Equal(expected, CrmPhoneFormat.Format(number, CrmPhoneFormat.National, region: region));

    // Only the default region's international call prefix is one: 00 is not dialled from North America (011 is), so
    // "001 222 333 4444" is no number there, while from Europe it is.
    [Theory]
    [InlineData("001 222 333 4444", "IT", "+12223334444")]
    [InlineData("0049 30 1234567", "GB", "+49301234567")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    public void The_default_regions_international_call_prefix_counts_as_plus(string number, string region, string e164) =>
        Assert.Equal(e164, CrmPhoneFormat.Format(number, CrmPhoneFormat.E164, region: region));

    [Theory]
    [InlineData("anonymous")]
    [InlineData("sip:kim@example.com")]
    [InlineData("sip:+12223334444@example.com")]
    [InlineData("1234")]
    [InlineData("5551234")]
    [InlineData("001 222 333 4444")]
    [InlineData("+44 20")]
    public void Text_that_is_no_phone_number_is_passed_on_as_sent(string text)
    {
        foreach (var format in CrmPhoneFormat.All)
        {
            Assert.Equal(text, CrmPhoneFormat.Format(text, format));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_number_is_the_empty_string(string? number) => Assert.Equal(string.Empty, CrmPhoneFormat.Format(number, CrmPhoneFormat.E164));

    [Fact]
    public void The_search_form_leaves_out_an_extension()
    {
        Assert.Equal("*222*333*4444", CrmPhoneFormat.Format("+1 222 333 4444 ext. 5", CrmPhoneFormat.Automatic, search: true));
        Assert.Equal("+12223334444", CrmPhoneFormat.Format("+1 222 333 4444 ext. 5", CrmPhoneFormat.E164));
    }

    [Fact]
    public void Format_names_are_read_in_any_case() => Assert.Equal(CrmPhoneFormat.UsLocalStandard, CrmPhoneFormat.Normalise("USLOCALSTANDARD"));

    [Theory]
    [InlineData("gb", "GB")]
    [InlineData(" it ", "IT")]
    [InlineData("US", "US")]
    [InlineData("UK", null)]
    [InlineData("001", null)]
    [InlineData("XX", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Regions_are_iso_codes_libphonenumber_knows(string? region, string? expected) =>
        Assert.Equal(expected, CrmPhoneFormat.NormaliseRegion(region));
}
