using Microsoft.AspNetCore.Http;
using Switchboard.Api;

namespace Switchboard.Tests.Api;

public sealed class ApiQueryTests
{
    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Text_is_null_when_absent_and_the_value_when_present()
    {
        Assert.Null(ApiQuery.Text(Request(string.Empty), "tenant"));
        Assert.Equal(string.Empty, ApiQuery.Text(Request("?tenant="), "tenant"));
        Assert.Equal("acme", ApiQuery.Text(Request("?tenant=acme"), "tenant"));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("?pageSize=", null)]
    [InlineData("?pageSize=25", 25)]
    [InlineData("?pageSize=-1", -1)]
    public void A_whole_number_or_nothing_is_read(string query, int? expected)
    {
        Assert.True(ApiQuery.TryInt(Request(query), "pageSize", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("?pageSize=ten")]
    [InlineData("?pageSize=1.5")]
    [InlineData("?pageSize=99999999999")]
    public void Anything_else_is_a_problem_naming_the_parameter(string query)
    {
        Assert.False(ApiQuery.TryInt(Request(query), "pageSize", out _));
        Assert.Contains("pageSize", ApiQuery.NotAnInteger("pageSize").ProblemDetails.Errors.Keys);
    }
}
