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
}
