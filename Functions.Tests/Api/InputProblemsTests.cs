using Switchboard.Api;

namespace Switchboard.Tests.Api;

public sealed class InputProblemsTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    public void A_page_size_is_absent_or_a_whole_number_from_1_to_1000(string? text, int expected)
    {
        var problems = new InputProblems().PageSize(text, out var pageSize);

        Assert.Null(problems.Problem);
        Assert.Equal(expected, pageSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("99999999999")]
    [InlineData(" 5")]
    public void Anything_else_is_a_problem_naming_pageSize(string text)
    {
        var problem = new InputProblems().PageSize(text, out _).Problem;

        Assert.NotNull(problem);
        Assert.Equal(["pageSize"], problem.ProblemDetails.Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("a\0b")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("é")]
    public void A_tenant_or_id_given_must_be_letters_digits_dash_or_underscore(string text)
    {
        var problem = new InputProblems().Tenant(text).Id("id", text).Problem;

        Assert.Equal(["tenant", "id"], problem!.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void An_absent_tenant_is_the_default_and_not_a_problem() =>
        Assert.Null(new InputProblems().Tenant(null).OptionalText("continuation", null).Problem);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\tb")]
    public void A_name_must_be_text_without_control_characters(string text) =>
        Assert.NotNull(new InputProblems().Name("channel", text).Problem);

    [Fact]
    public void A_name_must_not_hold_half_a_surrogate_pair() =>
        Assert.NotNull(new InputProblems().Name("channel", "a" + (char)0xD800).Problem);

    [Fact]
    public void A_name_may_hold_slashes_and_any_script_up_to_its_length()
    {
        Assert.Null(new InputProblems().Name("queue", "Developers / Kim – 日本").Problem);
        Assert.NotNull(new InputProblems().Name("queue", new string('a', 257)).Problem);
    }
}
