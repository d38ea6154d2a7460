using Switchboard.Crm.Calls;

namespace Switchboard.Tests.Crm.Calls;

public sealed class CrmFunctionTests
{
    private const string Uuid = "0d4c5b1e-7f55-4a0e-9d2b-6a1c9f3e2b10";

    // The Zoho example of "CRM personalizzato": Find an Account by Query with CONCAT_OR.
    private const string ZohoCriteria = "=CONCAT_OR((Id:equals:{ACCOUNT_ID}), (Phone:equals:{PHONE_NUMBER}), (Email:equals:{EMAIL}))";

    private static CrmValues Values(params (string Name, string Value)[] pairs)
    {
        var values = new CrmValues();
        foreach (var (name, value) in pairs)
        {
            values.Set(name, value);
        }

        return values;
    }

    public static TheoryData<string[], string> DocumentedConcatOrTable => new()
    {
        { ["ACCOUNT_ID"], $"(Id:equals:{Uuid})" },
        { ["ACCOUNT_ID", "EMAIL"], $"(Id:equals:{Uuid}) or (Email:equals:kim@example)" },
        { ["PHONE_NUMBER", "EMAIL"], "(Phone:equals:+12223334444) or (Email:equals:kim@example)" },
    };

    [Theory]
    [MemberData(nameof(DocumentedConcatOrTable))]
    public void Concat_or_reproduces_the_documented_table(string[] present, string expected)
    {
        var all = new Dictionary<string, string> { ["ACCOUNT_ID"] = Uuid, ["PHONE_NUMBER"] = "+12223334444", ["EMAIL"] = "kim@example" };
        var values = Values([.. present.Select(name => (name, all[name]))]);

        Assert.Equal(new CrmParameterValue(expected, false), CrmParameterValue.Evaluate(ZohoCriteria, values));
    }

    [Fact]
    public void Concat_and_follows_the_same_rules_joined_with_and()
    {
        var values = Values(("ACCOUNT_ID", Uuid), ("EMAIL", "kim@example"));

        var value = CrmParameterValue.Evaluate(ZohoCriteria.Replace("CONCAT_OR", "CONCAT_AND", StringComparison.Ordinal), values);

        Assert.Equal($"(Id:equals:{Uuid}) and (Email:equals:kim@example)", value?.Text);
    }

    [Theory]
    [InlineData("=CONCAT_OR((Id:equals:{ACCOUNT_ID}), (Email:equals:{EMAIL}))")]
    [InlineData("=CONCAT_AND({ACCOUNT_ID}, {EMAIL})")]
    [InlineData("=DEFAULT_VALUE({AGENT_EMAIL}, {EMAIL})")]
    public void A_function_that_yields_nothing_drops_its_parameter(string function) =>
        Assert.Null(CrmParameterValue.Evaluate(function, new CrmValues()));

    [Theory]
    [InlineData("ariel@example.com", "ariel@example.com")]
    [InlineData(null, "support@example.com")]
    [InlineData("", "support@example.com")]
    [InlineData("   ", "support@example.com")]
    public void Default_value_takes_the_first_unless_null_or_empty(string? agentEmail, string expected) =>
        Assert.Equal(expected, CrmParameterValue.Evaluate("=DEFAULT_VALUE({AGENT_EMAIL}, support@example.com)", Values(("AGENT_EMAIL", agentEmail ?? string.Empty)))?.Text);

    [Fact]
    public void An_argument_with_an_empty_variable_is_absent_even_when_it_has_text_around_it() =>
        Assert.Equal("unassigned", CrmParameterValue.Evaluate("=DEFAULT_VALUE(agent:{AGENT_EMAIL}, unassigned)", new CrmValues())?.Text);

    [Fact]
    public void Function_names_read_in_any_case_and_quoted_arguments_keep_commas_and_spaces()
    {
        var values = Values(("NAME", "Kim Lee"));

        Assert.Equal(" name: Kim Lee, ok", CrmParameterValue.Evaluate("=default_value(\" name: {NAME}, ok\", x)", values)?.Text);
        Assert.Equal("O'Brien or Kim Lee", CrmParameterValue.Evaluate("=Concat_Or(O'Brien, {NAME})", values)?.Text);
    }

    [Theory]
    [InlineData("=DEFAULT_VALUE({EMAIL})", "DEFAULT_VALUE takes 2 arguments, not 1")]
    [InlineData("=DEFAULT_VALUE(a, b, c)", "DEFAULT_VALUE takes 2 arguments, not 3")]
    [InlineData("=CONCAT_XOR(a, b)", "'CONCAT_XOR' is not a function: use DEFAULT_VALUE, CONCAT_OR or CONCAT_AND")]
    [InlineData("=CONCAT_OR((a, b)", "a '(' is not closed")]
    [InlineData("=CONCAT_OR(a), b)", "a ')' closes nothing")]
    [InlineData("=CONCAT_OR(\"a, b)", "a quote is not closed")]
    [InlineData("=CONCAT_OR(a,, b)", "argument 2 of CONCAT_OR is empty")]
    [InlineData("=CONCAT_OR a, b", "a function is written =NAME(argument, …)")]
    public void Malformed_functions_say_what_is_wrong(string text, string error)
    {
        Assert.Null(CrmFunction.Parse(text, out var said));
        Assert.Equal(error, said);
        Assert.Throws<FormatException>(() => CrmParameterValue.Evaluate(text, new CrmValues()));
    }

    [Fact]
    public void Values_without_a_function_are_kept_even_when_empty_and_unknown_variables_read_empty()
    {
        var value = CrmParameterValue.Evaluate("Call {CALL_ID} for {NAME}", Values(("Call_ID", "103646")));

        Assert.Equal(new CrmParameterValue("Call 103646 for ", false), value);
        Assert.Equal(new CrmParameterValue(string.Empty, false), CrmParameterValue.Evaluate("{AGENT_EMAIL}", new CrmValues()));
    }

    [Fact]
    public void Typed_numbers_and_ids_the_crm_returned_as_numbers_stay_numbers()
    {
        var values = new CrmValues().Set("ACCOUNT_ID", "123", number: true).Set("RECORD_ID", "456");

        Assert.Equal(new CrmParameterValue("5", true), CrmParameterValue.Evaluate("5", values));
        Assert.Equal(new CrmParameterValue("-2.5", true), CrmParameterValue.Evaluate(" -2.5 ", values));
        Assert.Equal(new CrmParameterValue("007", false), CrmParameterValue.Evaluate("007", values));
        Assert.Equal(new CrmParameterValue("123", true), CrmParameterValue.Evaluate("{ACCOUNT_ID}", values));
        Assert.Equal(new CrmParameterValue("456", false), CrmParameterValue.Evaluate("{RECORD_ID}", values));
        Assert.Equal(new CrmParameterValue("#123", false), CrmParameterValue.Evaluate("#{ACCOUNT_ID}", values));
    }
}
