using Switchboard.Crm.Calls;

namespace Switchboard.Tests.Crm.Calls;

public sealed class CrmPhoneFormatTests
{
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
    [InlineData("001 222 333 4444")]
    [InlineData(" +1-222-333-4444 ")]
    public void Every_common_spelling_of_a_north_american_number_reads_the_same(string spelling)
    {
        Assert.Equal("+12223334444", CrmPhoneFormat.Format(spelling, CrmPhoneFormat.E164));
        Assert.Equal("*222*333*4444", CrmPhoneFormat.Format(spelling, CrmPhoneFormat.Automatic, search: true));
    }

    [Theory]
    [InlineData("e164", "+442079460958")]
    [InlineData("international", "+44 2079460958")]
    [InlineData("automatic", "+44 2079460958")]
    [InlineData("usLocal", "+442079460958")]
    [InlineData("usLocalStandard", "+442079460958")]
    public void Other_countries_split_after_their_country_code_and_us_formats_fall_back_to_e164(string format, string expected) =>
        Assert.Equal(expected, CrmPhoneFormat.Format("+44 20 7946 0958", format));

    [Theory]
    [InlineData("+39 06 6982 1234", "+39 0669821234", "*0669821234")]
    [InlineData("+353 1 234 5678", "+353 12345678", "*12345678")]
    [InlineData("+7 495 123 4567", "+7 4951234567", "*4951234567")]
    [InlineData("0049 30 1234567", "+49 301234567", "*301234567")]
    public void Country_codes_of_one_two_and_three_digits_are_told_apart(string number, string international, string search)
    {
        Assert.Equal(international, CrmPhoneFormat.Format(number, CrmPhoneFormat.International));
        Assert.Equal(search, CrmPhoneFormat.Format(number, CrmPhoneFormat.Automatic, search: true));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("sip:kim@example.com")]
    [InlineData("1234")]
    [InlineData("5551234")]
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
    public void Format_names_are_read_in_any_case() => Assert.Equal(CrmPhoneFormat.UsLocalStandard, CrmPhoneFormat.Normalise("USLOCALSTANDARD"));
}
